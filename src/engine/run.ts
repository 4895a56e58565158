// A run as the smallest thing that replays it: how it started and the choice ids taken.
// The engine is pure and deterministic, so every state a run ever had is a replay of a
// prefix of `taken`; rewind and branching are list operations followed by a replay.
import type { Story } from '../story/types.js';
import { replay, type Replay } from './replay.js';
import type { StartOptions } from './start-game.js';

/** How a run began: the seed, and an author's `--from` and `--set`. */
export type RunStart = Pick<StartOptions, 'seed' | 'from' | 'set'>;

export interface Run {
  start: RunStart;
  taken: string[];
}

/** Replays a run through the engine; stops at the first choice that is no longer open. */
export function replayRun(story: Story, run: Run, render = true): Replay {
  return replay(story, run.taken, { seed: run.start.seed, from: run.start.from, set: run.start.set, render });
}

/** The run with its last `count` choices undone (never past the start). */
export function undoRun(run: Run, count = 1): Run {
  return { start: run.start, taken: run.taken.slice(0, Math.max(0, run.taken.length - count)) };
}

/** The run that takes `choiceId` at decision `index` (from 0) instead of what was taken there. */
export function branchRun(run: Run, index: number, choiceId: string): Run {
  if (index < 0 || index > run.taken.length) throw new RangeError(`no decision ${index} in this run`);
  return { start: run.start, taken: [...run.taken.slice(0, index), choiceId] };
}
