import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { liveCounters, liveVariables } from './live-variables.js';
import { counterUse } from './counters.js';
import { sceneNumber } from '../engine/scene-visits.js';
import { TAKEN_PREFIX, VISITS_PREFIX } from '../story/expression/evaluate-expression.js';

const liveByStory = new WeakMap<Story, Record<string, string[]>>();

/** A count as the key sees it: visits capped where the story stops telling them apart. */
type CounterRead = (state: GameState) => string;

/**
 * Builds the key under which exploration merges states. Two states with the same key play
 * the same from here on: same scene, clock, deadline memory, tunnel return stack, values of
 * every variable still read from that scene on, and the counts still read from there
 * (`visits(scene)` up to the largest value compared, `taken(choice)` as yes or no). Other
 * visit counts only steer seeded draws and varied text, which exploration enumerates or
 * does not show, so they are left out.
 */
export function stateKeyer(story: Story): (state: GameState) => string {
  const live = liveVariablesOf(story);
  const counters = countersByScene(story);
  return (state) => {
    // Nothing happens after an ending: every way of reaching one is the same state.
    if (state.ending) return `!${state.ending}`;
    let key = `${state.scene}|${state.clock}|${state.deadlineFired ?? ''}`;
    if (state.returns.length) key += `>${state.returns.join('>')}`;
    for (const name of live[state.scene] ?? story.varOrder) {
      const value = state.vars[name];
      key += value === true ? '|1' : value === false ? '|0' : `|${value}`;
    }
    for (const read of counters[state.scene] ?? []) key += `|${read(state)}`;
    return key;
  };
}

/** The story's live variables per scene, worked out once per story: every walk (the witness search's probes, the sweep) shares them. */
export function liveVariablesOf(story: Story): Record<string, string[]> {
  let live = liveByStory.get(story);
  if (!live) liveByStory.set(story, (live = liveVariables(story)));
  return live;
}

function countersByScene(story: Story): Record<string, CounterRead[]> {
  const use = counterUse(story);
  const out: Record<string, CounterRead[]> = {};
  for (const [scene, names] of Object.entries(liveCounters(story))) {
    out[scene] = names.map((name): CounterRead => {
      if (name.startsWith(VISITS_PREFIX)) {
        const id = name.slice(VISITS_PREFIX.length);
        const number = sceneNumber(story, id);
        const cap = use.visits.get(id) ?? Infinity;
        return (state) => String(Math.min(cap, state.visits[number] ?? 0));
      }
      const choice = name.slice(TAKEN_PREFIX.length);
      return (state) => (state.taken.includes(choice) ? 't' : 'f');
    });
  }
  return out;
}

/**
 * What of a state's history a walk must carry on: the counts the story reads, capped, and the
 * choices taken whose having been taken is read. The rest (visits that only key seeded draws
 * and varied text, the list of choices) is dropped, so states that merge also carry the same.
 */
export function historyTrimmer(story: Story, blankVisits: readonly number[]): (state: GameState) => GameState {
  const use = counterUse(story);
  const visits = [...use.visits].map(([scene, cap]) => [sceneNumber(story, scene), cap] as const);
  const taken = [...use.taken];
  const none: string[] = [];
  if (visits.length === 0 && taken.length === 0)
    return (state) => ({ ...state, visits: blankVisits as number[], taken: none });
  return (state) => {
    const kept = blankVisits.slice();
    for (const [number, cap] of visits) kept[number] = Math.min(cap, state.visits[number] ?? 0);
    const had = taken.filter((id) => state.taken.includes(id));
    return { ...state, visits: kept, taken: had.length ? had : none };
  };
}
