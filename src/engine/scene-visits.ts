import type { Story } from '../story/types.js';
import type { GameState } from './game-state.js';

// A state counts its visits by scene number (its place in story.sceneOrder), in a plain
// array: a transition copies the counts, and copying a short array of small numbers costs
// far less than copying an object keyed by hundreds of scene ids.
const numbering = new WeakMap<Story, Map<string, number>>();

export function sceneNumber(story: Story, id: string): number {
  let numbers = numbering.get(story);
  if (!numbers) {
    numbers = new Map(story.sceneOrder.map((scene, index) => [scene, index]));
    numbering.set(story, numbers);
  }
  const number = numbers.get(id);
  if (number === undefined) throw new Error(`the story has no scene '${id}'`);
  return number;
}

/**
 * Counts for a run that has entered nothing yet: zeros for every scene, so the array stays
 * packed (writing far past the end of an empty one would make it sparse, and slow to copy).
 */
export function noVisits(story: Story): number[] {
  return new Array<number>(story.sceneOrder.length).fill(0);
}

/** How many times the run has entered scene `id`. */
export function visitCount(story: Story, state: Pick<GameState, 'visits'>, id: string): number {
  return state.visits[sceneNumber(story, id)] ?? 0;
}

/** Every scene the run has entered, in story order. */
export function scenesEntered(story: Story, state: Pick<GameState, 'visits'>): string[] {
  const entered: string[] = [];
  state.visits.forEach((count, index) => {
    if (count) entered.push(story.sceneOrder[index]!);
  });
  return entered;
}
