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
  const spokenBefore = ctx.paragraphs?.length ?? 0;
  // For tools: the first event that takes the run elsewhere, and whether it said a word first.
  const noteTakeover = (event: string) => {
    if (ctx.transition && !ctx.transition.takeover)
      ctx.transition.takeover = { clock: ctx.clock, event, spoke: (ctx.paragraphs?.length ?? 0) > spokenBefore };
  };
  const endOfWeek = () => {
    noteTakeover('@timeout');
    return story.timeout.target;
  };
  if (ctx.clock >= story.timeout.at) return endOfWeek();
  // Each event's own body is kept from spending time (the validator), but should the clock
  // reach the week's end here all the same, the loop below must stop there.
  let target: string | null = null;
  let taker = '';
  const keep = (jump: string | null, event: string) => {
    if (target === null && jump !== null) {
      target = jump;
      taker = event;
    }
  };

  const firstMidnight = (Math.floor(ctx.eventsDoneAt / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY;
  for (let midnight = firstMidnight; midnight <= ctx.clock; midnight += MINUTES_PER_DAY) {
    for (const event of story.events) {
      if (event.trigger !== 'dawn') continue;
      if (event.when && !evaluate(event.when, scopeOf(ctx, midnight))) continue;
      keep(runBlock(ctx, event.body, { container: event.id, visit: midnight }), event.id);
      if (ctx.clock >= story.timeout.at) return endOfWeek();
    }
  }
  ctx.eventsDoneAt = ctx.clock;

  // `@on deadline` watches the story's time meter (the parser insists on one when it is used),
  // once per deadline value within one transition: scenes that keep moving the deadline into
  // the past (back and forth between two values) would otherwise fire it forever.
  const meter = story.meters.time;
  const deadline = meter === null ? Infinity : (ctx.vars[meter] as number);
  if (deadline <= ctx.clock && ctx.deadlineFired !== deadline && !ctx.deadlinesFired?.has(deadline)) {
    ctx.deadlineFired = deadline;
    (ctx.deadlinesFired ??= new Set()).add(deadline);
    for (const event of story.events) {
      if (event.trigger !== 'deadline') continue;
      if (event.when && !evaluate(event.when, scopeOf(ctx))) continue;
      keep(runBlock(ctx, event.body, { container: event.id, visit: deadline }), event.id);
      if (ctx.clock >= story.timeout.at) return endOfWeek();
    }
  }
  if (target !== null) noteTakeover(taker);
  return target;
}
