import type { ChanceChooser } from '../engine/game-state.js';
import { seededChooser } from '../engine/seeded-chooser.js';

/** One choice of a recorded run, and the branch each of its chance draws took. */
export interface Move {
  choice: string;
  picks: number[];
}

/**
 * A run that shows something, recorded so that it replays exactly: every chance draw is
 * written down, so no seed has to draw it again. The seed is kept for people (`--seed`),
 * since a run found by walking also replays from its seed and choices alone.
 */
export interface Witness {
  seed: number;
  /** the branches drawn on entering the first scene */
  start: number[];
  moves: Move[];
}

/** The choice ids of a witness, in order. */
export function choicesOf(witness: Witness): string[] {
  return witness.moves.map((move) => move.choice);
}

/** The seeded chooser of play, writing down each branch it draws into `into`. */
export function recordingChooser(into: number[]): ChanceChooser {
  return (percents, key) => {
    const index = seededChooser(percents, key);
    into.push(index);
    return index;
  };
}

/**
 * A chooser that draws the recorded branches in order. It notes when the record does not
 * fit the draws the story now makes (too few, too many, or a branch that is not there),
 * which means the story changed since the run was recorded.
 */
export function scriptedChooser(picks: readonly number[]): { choose: ChanceChooser; fits: () => boolean } {
  let next = 0;
  let fits = true;
  const choose: ChanceChooser = (percents) => {
    const index = picks[next++];
    if (index === undefined || index >= percents.length) {
      fits = false;
      return 0;
    }
    return index;
  };
  return { choose, fits: () => fits && next === picks.length };
}
