import { randomInt } from 'node:crypto';
import { loadStory } from './load-story.js';
import { playPlain } from './plain-player.js';
import { UserError } from './exit-codes.js';
import { parseAssignments } from './parse-assignments.js';

export interface PlayOptions {
  plain?: boolean;
  seed?: number;
  choices?: number[];
  debug?: boolean;
  from?: string;
  set?: string[];
  anim?: boolean;
  color?: boolean;
}

/** `pusher play [file]`: the Ink UI on a terminal, the plain player otherwise. */
export async function runPlay(file: string | undefined, options: PlayOptions): Promise<number> {
  const story = loadStory(file);
  if (options.from && !story.scenes[options.from]) throw new UserError(`--from: the story has no scene '${options.from}'`);
  const seed = options.seed ?? randomInt(2 ** 31);
  const set = parseAssignments(options.set ?? [], story.vars);
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (terminal && !options.plain) {
    // Ink and React load only here, so plain play, check and --help start fast.
    const { playInk } = await import('../ui/play-ink.js');
    return playInk({
      story,
      seed,
      scripted: options.choices ?? [],
      anim: options.anim !== false && !process.env['PUSHER_NO_ANIM'],
      color: options.color !== false && !('NO_COLOR' in process.env),
      debug: Boolean(options.debug),
      from: options.from,
      set,
    });
  }
  return playPlain({
    story,
    seed,
    scripted: options.choices ?? [],
    input: process.stdin,
    output: process.stdout,
    width: process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 100) : null,
    debug: options.debug,
    from: options.from,
    set,
  });
}

export { parseAssignments };
