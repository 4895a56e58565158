// Placeholder until the Ink UI lands: the terminal UI entry point, loaded lazily by the
// play command only when both ends are a terminal.
import type { Story, Value } from '../story/types.js';
import { playPlain } from '../cli/plain-player.js';

export interface InkPlayOptions {
  story: Story;
  seed: number;
  /** choice numbers to play first */
  scripted: number[];
  anim: boolean;
  color: boolean;
  debug: boolean;
  from?: string;
  set?: Record<string, Value>;
}

export async function playInk(options: InkPlayOptions): Promise<number> {
  return playPlain({ ...options, input: process.stdin, output: process.stdout, width: process.stdout.columns || 80 });
}
