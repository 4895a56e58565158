import type { Story } from '../story/types.js';
import { analyseTunnels } from '../story/tunnels.js';
import { fireEvents } from './fire-events.js';
import { runBlock } from './run-block.js';
import type { RunContext } from './run-context.js';
import { sceneNumber } from './scene-visits.js';

/** Where a run stands after entering scenes until it reaches a choice point or an ending. */
export interface Arrival {
  scene: string;
  ending: string | null;
}

// The validator forbids loops of jumps with no choice between, so between two event jumps a
// run enters each scene at most once for each depth of the return stack (a tunnel may be
// called again from another caller); event jumps are bounded too (each dawn once per
// midnight before the week's end, the deadline once per value). The count only turns an
// engine bug into an error instead of a hang.
const limits = new WeakMap<Story, number>();
function hopLimit(story: Story): number {
  let limit = limits.get(story);
  if (limit === undefined) {
    limit = (story.sceneOrder.length + 1) * (analyseTunnels(story).depth + 1);
    limits.set(story, limit);
  }
  return limit;
}

/**
 * Enters `target` and follows jumps, chance draws and events until the run rests at a
 * scene that offers choices, or at an ending.
 */
export function enterScene(ctx: RunContext, target: string, via: 'entered' | 'event' = 'entered'): Arrival {
  let current = target;
  let how = via;
  // Most moves pass a few scenes: the tunnel analysis behind the full limit (it reads every
  // scene of a lazily loaded story) is only worked out for a move that runs past the simple one.
  let limit = ctx.story.sceneOrder.length + 1;
  for (let hops = 0; hops <= limit || (limit < hopLimit(ctx.story) && (limit = hopLimit(ctx.story))); hops++) {
    const scene = ctx.story.scenes[current];
    if (!scene) throw new Error(`the story has no scene '${current}'`);
    const number = sceneNumber(ctx.story, current);
    const visit = (ctx.visits[number] ?? 0) + 1;
    ctx.visits[number] = visit;
    ctx.trace?.push({ scene: current, clock: ctx.clock, vars: { ...ctx.vars }, returns: ctx.returns, via: how });
    how = 'entered';
    const jump = runBlock(ctx, scene.body, { container: current, visit });
    if (jump !== null) {
      current = jump;
      continue;
    }
    if (scene.ending) return { scene: current, ending: current };
    const eventJump = fireEvents(ctx);
    if (eventJump !== null) {
      current = eventJump;
      how = 'event';
      // An event takes the run out of any tunnel it was in: nothing it left will return.
      ctx.returns = [];
      hops = -1;
      continue;
    }
    return { scene: current, ending: null };
  }
  throw new Error(`the story kept jumping without a choice (last at '${current}')`);
}
