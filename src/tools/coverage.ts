import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { choiceStatus } from '../engine/list-choices.js';
import { scenesEntered } from '../engine/scene-visits.js';
import type { Witness } from './witness-run.js';

/** What runs have shown to be reachable, each with a run that shows it. */
export interface Coverage {
  scenes: Map<string, Witness>;
  endings: Map<string, Witness>;
  /** a run in which the choice was open at its scene, and one in which it was shut */
  open: Map<string, Witness>;
  closed: Map<string, Witness>;
  /** runs that met a state with no open choice */
  stuck: Witness[];
}

export function emptyCoverage(): Coverage {
  return { scenes: new Map(), endings: new Map(), open: new Map(), closed: new Map(), stuck: [] };
}

/**
 * Notes what a state shows: the scenes its run entered and the ending it reached, each
 * credited to `witness` unless an earlier run showed it. `witness` is called only when
 * something is new, so callers can build it lazily.
 */
export function noteArrival(story: Story, coverage: Coverage, state: GameState, witness: () => Witness): void {
  for (const scene of scenesEntered(story, state))
    if (!coverage.scenes.has(scene)) coverage.scenes.set(scene, witness());
  if (state.ending && !coverage.endings.has(state.ending)) coverage.endings.set(state.ending, witness());
}

/** Notes which of the scene's choices are open and which are shut here; returns the open ones. */
export function noteChoices(story: Story, coverage: Coverage, state: GameState, witness: () => Witness): string[] {
  const open: string[] = [];
  for (const choice of story.scenes[state.scene]!.choices) {
    const isOpen = choiceStatus(story, state, choice) === 'open';
    const seen = isOpen ? coverage.open : coverage.closed;
    if (!seen.has(choice.id)) seen.set(choice.id, witness());
    if (isOpen) open.push(choice.id);
  }
  return open;
}

/** Adds what `more` shows and `into` does not yet. */
export function mergeCoverage(into: Coverage, more: Coverage): void {
  for (const key of ['scenes', 'endings', 'open', 'closed'] as const) {
    for (const [id, witness] of more[key]) if (!into[key].has(id)) into[key].set(id, witness);
  }
  into.stuck.push(...more.stuck);
}

/** Every target a coverage can show, as `kind:id` (the currency of the smallest witness set). */
export function coverageTargets(coverage: Coverage): Map<string, Witness> {
  const targets = new Map<string, Witness>();
  for (const key of ['scenes', 'endings', 'open', 'closed'] as const) {
    for (const [id, witness] of coverage[key]) targets.set(`${key}:${id}`, witness);
  }
  return targets;
}
