import type { Step } from './game-state.js';
import type { Arrival } from './enter-scene.js';
import type { RunContext } from './run-context.js';

/** Freezes a transition's working copy into the next immutable state. */
export function finishStep(ctx: RunContext, arrival: Arrival, taken: string[]): Step {
  return {
    state: {
      seed: ctx.seed,
      scene: arrival.scene,
      clock: ctx.clock,
      vars: ctx.vars,
      deadlineFired: ctx.deadlineFired,
      visits: ctx.visits,
      taken,
      ending: arrival.ending,
      returns: ctx.returns,
    },
    paragraphs: ctx.paragraphs ?? [],
    ...(ctx.trace ? { trace: ctx.trace } : {}),
  };
}
