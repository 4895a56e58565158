import type { Choice, Story } from '../story/types.js';
import { evaluate } from '../story/expression/evaluate-expression.js';
import type { ChoiceView, GameState } from './game-state.js';
import { contextFrom, scopeOf } from './run-context.js';
import { textOf } from './run-block.js';
import { seededChooser } from './seeded-chooser.js';
import { nextTimeOfDay } from '../story/week-time.js';
import { visitCount } from './scene-visits.js';

export type ChoiceStatus = 'open' | 'locked' | 'hidden';

/** Whether a choice is open, locked or hidden in a state. */
export function choiceStatus(story: Story, state: GameState, choice: Choice): ChoiceStatus {
  const lock = failedLock(story, state, choice);
  return lock === null ? 'open' : lock === 'hidden' ? 'hidden' : 'locked';
}

/** 'hidden', the lock that holds the choice shut, or null when it is open. */
function failedLock(story: Story, state: GameState, choice: Choice): 'hidden' | Choice['lockedUnless'][number] | null {
  if (choice.once && state.taken.includes(choice.id)) return 'hidden';
  if (choice.hiddenUnless.length === 0 && choice.lockedUnless.length === 0) return null;
  const scope = scopeOf({ story, vars: state.vars, clock: state.clock, visits: state.visits, taken: state.taken });
  if (choice.hiddenUnless.some((cond) => !evaluate(cond, scope))) return 'hidden';
  return choice.lockedUnless.find((lock) => !evaluate(lock.cond, scope)) ?? null;
}

/** The choices the player sees at a choice point: open ones and locked ones with reasons. */
export function listChoices(story: Story, state: GameState): ChoiceView[] {
  if (state.ending) return [];
  const scene = story.scenes[state.scene];
  if (!scene) return [];
  const ctx = contextFrom(story, state, seededChooser, true, false);
  const site = { container: state.scene, visit: visitCount(story, state, state.scene) };
  const views: ChoiceView[] = [];
  for (const choice of scene.choices) {
    const lock = failedLock(story, state, choice);
    if (lock === 'hidden') continue;
    views.push({
      id: choice.id,
      label: textOf(ctx, choice.label, site),
      // an `[until 21:00]` choice costs what is left until then
      cost:
        choice.declared?.kind === 'until' ? nextTimeOfDay(state.clock, choice.declared.at) - state.clock : choice.cost,
      available: lock === null,
      reason: lock === null ? null : textOf(ctx, lock.reason),
      ...(choice.ledger ? { ledger: textOf(ctx, choice.ledger, site) } : {}),
    });
  }
  return views;
}
