import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { liveVariables } from './live-variables.js';

const liveByStory = new WeakMap<Story, Record<string, string[]>>();

/**
 * Builds the key under which exploration merges states. Two states with the same key play
 * the same from here on: same scene, clock, deadline memory and values of every variable
 * still read from that scene on. Visit counts only steer seeded draws, which exploration
 * enumerates anyway, so they are left out.
 */
export function stateKeyer(story: Story): (state: GameState) => string {
  const live = liveVariablesOf(story);
  return (state) => {
    // Nothing happens after an ending: every way of reaching one is the same state.
    if (state.ending) return `!${state.ending}`;
    let key = `${state.scene}|${state.clock}|${state.deadlineFired ?? ''}`;
    for (const name of live[state.scene] ?? story.varOrder) {
      const value = state.vars[name];
      key += value === true ? '|1' : value === false ? '|0' : `|${value}`;
    }
    return key;
  };
}

/** The story's live variables per scene, worked out once per story: every walk shares them. */
export function liveVariablesOf(story: Story): Record<string, string[]> {
  let live = liveByStory.get(story);
  if (!live) liveByStory.set(story, (live = liveVariables(story)));
  return live;
}
