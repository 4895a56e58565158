import type { Story } from '../story/types.js';
import type { ChanceChooser, GameState, Step, TransitionTrace } from './game-state.js';
import { nextTimeOfDay } from '../story/week-time.js';
import { contextFrom, passTimeTo } from './run-context.js';
import { runBlock } from './run-block.js';
import { fireEvents } from './fire-events.js';
import { enterScene } from './enter-scene.js';
import { finishStep } from './finish-step.js';
import { choiceStatus } from './list-choices.js';
import { seededChooser } from './seeded-chooser.js';
import { visitCount } from './scene-visits.js';

export type TakeResult = ({ ok: true } & Step) | { ok: false; reason: string };

export interface TakeOptions {
  choose?: ChanceChooser;
  render?: boolean;
  /** false skips the --debug trace of every scene passed through (it copies the values each time); on while rendering */
  debugTrace?: boolean;
  /** filled in with what the transition did with the clock (for tools; reset first) */
  transition?: TransitionTrace;
}

/**
 * Takes a choice: spends its time, applies its body, fires what the clock passed, then
 * follows its target to the next choice point or ending. Refuses choices that are not
 * open here, and says why.
 */
export function takeChoice(story: Story, state: GameState, choiceId: string, options: TakeOptions = {}): TakeResult {
  if (state.ending) return { ok: false, reason: 'the game is over' };
  const scene = story.scenes[state.scene];
  const choice = scene?.choices.find((candidate) => candidate.id === choiceId);
  if (!scene || !choice) return { ok: false, reason: `there is no choice '${choiceId}' here` };
  const status = choiceStatus(story, state, choice);
  if (status !== 'open') return { ok: false, reason: `the choice '${choiceId}' is ${status}` };

  const render = options.render !== false;
  const ctx = contextFrom(story, state, options.choose ?? seededChooser, render, options.debugTrace ?? render);
  if (options.transition) {
    options.transition.takeover = null;
    options.transition.pinned = false;
    ctx.transition = options.transition;
  }
  const declared = choice.declared;
  const until = declared?.kind === 'until' ? nextTimeOfDay(ctx.clock, declared.at) : null;
  if (until !== null && ctx.transition) ctx.transition.pinned = true;
  // A choice that would run past the week's end ends the run then: its body never happens.
  // One that ends at the very moment (`[until 23:00]` in a week that ends at 23:00) is done
  // first, body and all, and then the week ends.
  const ends = until ?? ctx.clock + choice.cost;
  passTimeTo(ctx, ends);
  const timedOut = ends > story.timeout.at;
  ctx.taken = [...state.taken, choice.id];
  const visit = visitCount(story, state, state.scene);
  const bodyJump = timedOut ? null : runBlock(ctx, choice.body, { container: choice.id, visit });
  const eventJump = fireEvents(ctx);
  if (eventJump !== null) ctx.returns = [];
  const target = eventJump ?? bodyJump ?? choice.target!;
  const arrival = enterScene(ctx, target, eventJump !== null ? 'event' : 'entered');
  return { ok: true, ...finishStep(ctx, arrival, ctx.taken) };
}
