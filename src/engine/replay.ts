import type { Story } from '../story/types.js';
import type { Step } from './game-state.js';
import { startGame, type StartOptions } from './start-game.js';
import { takeChoice } from './take-choice.js';

export interface Replay {
  /** the state after the last choice that could be taken */
  step: Step;
  /** every step, starting with the opening */
  steps: Step[];
  /** how many of the given choices were taken */
  applied: number;
  /** why the next choice could not be taken, if one could not */
  stoppedBecause: string | null;
}

/** Replays a seed and a list of choice ids; stops at the first one that is not open. */
export function replay(story: Story, choiceIds: readonly string[], options: StartOptions): Replay {
  let step = startGame(story, options);
  const steps = [step];
  for (let i = 0; i < choiceIds.length; i++) {
    const result = takeChoice(story, step.state, choiceIds[i]!, options);
    if (!result.ok) return { step, steps, applied: i, stoppedBecause: result.reason };
    step = { state: result.state, paragraphs: result.paragraphs };
    steps.push(step);
  }
  return { step, steps, applied: choiceIds.length, stoppedBecause: null };
}
