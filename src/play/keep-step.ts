// What is kept after every step of a run, for both players: the autosave and what the
// profile has seen. File trouble comes back as messages; a full disk never ends a game.
import type { Step } from '../engine/game-state.js';
import type { RunStart } from '../engine/run.js';
import type { GameStore } from '../save/game-store.js';

export interface KeptStep {
  /** whether the autosave was written (or tried) */
  saved: boolean;
  /** what could not be stored, to tell the player */
  problems: string[];
}

/**
 * Autosaves the run and records what the player saw. A new run writes no autosave until
 * its first choice, so quitting at once never throws away an unfinished run; once this
 * sitting has saved (`savedBefore`), every step is saved, an undo to the start included.
 */
export function keepStep(store: GameStore, start: RunStart, step: Step, savedBefore: boolean, now: Date): KeptStep {
  const { state, paragraphs } = step;
  const problems: string[] = [];
  const saved = savedBefore || state.taken.length > 0;
  if (saved) {
    const problem = store.autosave({ start, taken: state.taken }, state);
    if (problem) problems.push(problem);
  }
  const noted = store.note({ choices: state.taken, paragraphs, ending: state.ending, now });
  if (noted) problems.push(noted);
  return { saved, problems };
}
