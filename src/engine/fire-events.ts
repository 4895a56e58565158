import { evaluate } from '../story/expression/evaluate-expression.js';
import { MINUTES_PER_DAY } from '../story/week-time.js';
import { scopeOf, type RunContext } from './run-context.js';
import { runBlock } from './run-block.js';

/**
 * Fires what the clock passed since events were last fired: every midnight (`@on dawn`),
 * in order, then the deadline (`@on deadline`) once per deadline value. All their effects
 * apply; the first jump wins. The week's end outranks everything.
 */
export function fireEvents(ctx: RunContext): string | null {
  const story = ctx.story;
  if (ctx.clock >= story.timeout.at) return story.timeout.target;
  // Each event's own body is kept from spending time (the validator), but should the clock
  // reach the week's end here all the same, the loop below must stop there.
  let target: string | null = null;
  const keep = (jump: string | null) => {
    if (target === null) target = jump;
  };

  const firstMidnight = (Math.floor(ctx.eventsDoneAt / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY;
  for (let midnight = firstMidnight; midnight <= ctx.clock; midnight += MINUTES_PER_DAY) {
    for (const event of story.events) {
      if (event.trigger !== 'dawn') continue;
      if (event.when && !evaluate(event.when, scopeOf(ctx, midnight))) continue;
      keep(runBlock(ctx, event.body, { container: event.id, visit: midnight }));
      if (ctx.clock >= story.timeout.at) return story.timeout.target;
    }
  }
  ctx.eventsDoneAt = ctx.clock;

  // Once per deadline value within one transition: scenes that keep moving the deadline into
  // the past (back and forth between two values) would otherwise fire it forever.
  const deadline = ctx.vars['deadline'] as number;
  if (deadline <= ctx.clock && ctx.deadlineFired !== deadline && !ctx.deadlinesFired.has(deadline)) {
    ctx.deadlineFired = deadline;
    ctx.deadlinesFired.add(deadline);
    for (const event of story.events) {
      if (event.trigger !== 'deadline') continue;
      if (event.when && !evaluate(event.when, scopeOf(ctx))) continue;
      keep(runBlock(ctx, event.body, { container: event.id, visit: deadline }));
      if (ctx.clock >= story.timeout.at) return story.timeout.target;
    }
  }
  return target;
}
