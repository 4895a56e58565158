import { randomInt } from 'node:crypto';
import { loadStory } from './load-story.js';
import { playPlain } from './plain-player.js';
import { UserError } from './exit-codes.js';
import type { Value } from '../story/types.js';

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

/** `--set cash=5000 --set tonny_beaten=true`, checked against the story's declarations. */
export function parseAssignments(pairs: string[], vars: import('../story/types.js').Story['vars']): Record<string, Value> {
  const set: Record<string, Value> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_]\w*)=(.*)$/.exec(pair);
    if (!match) throw new UserError(`--set: expected name=value, got '${pair}'`);
    const [, name, raw] = match as unknown as [string, string, string];
    const decl = vars[name];
    if (!decl) throw new UserError(`--set: the story declares no '${name}'`);
    if (decl.type === 'bool') {
      if (raw !== 'true' && raw !== 'false') throw new UserError(`--set: '${name}' is a flag: use true or false`);
      set[name] = raw === 'true';
    } else {
      if (!/^-?\d+$/.test(raw)) throw new UserError(`--set: '${name}' takes a whole number`);
      set[name] = Number(raw);
    }
  }
  return set;
}
