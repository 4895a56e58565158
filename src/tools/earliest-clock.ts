import type { EventDecl, Expr, Statement, Story } from '../story/types.js';
import { MINUTES_PER_DAY } from '../story/week-time.js';
import { jumpTargets } from '../story/walk-statements.js';

/**
 * The day an event is tied to, when its condition says `day == N` (alone or joined by
 * `and`); null when it may fire on any day.
 */
export function eventDay(event: EventDecl): number | null {
  const find = (expr: Expr | null): number | null => {
    if (!expr || expr.kind !== 'binary') return null;
    if (expr.op === 'and') return find(expr.left) ?? find(expr.right);
    if (expr.op !== '==') return null;
    const [name, value] = expr.left.kind === 'name' ? [expr.left, expr.right] : [expr.right, expr.left];
    return name.kind === 'name' && name.name === 'day' && value.kind === 'int' ? value.value : null;
  };
  return find(event.when);
}

/** The least time a block's own top-level waits move the clock to. */
function afterWaits(body: Statement[], clock: number): number {
  let at = clock;
  for (const statement of body) {
    if (statement.kind === 'wait' && statement.duration.kind === 'int') at += statement.duration.value;
    else if (statement.kind === 'wait-until' && statement.time.kind === 'time') at = Math.max(at, statement.time.value);
    else if (statement.kind === 'jump' || statement.kind === 'chance') break;
  }
  return at;
}

/**
 * A lower bound on the clock whenever each scene can be active, from the start's clock,
 * choice costs, literal waits, and the days events are tied to. The clock only moves
 * forward, so an event tied to a day before a scene's earliest day can never fire from it.
 */
export function earliestClock(story: Story): Record<string, number> {
  const earliest: Record<string, number> = {};
  const pending: Array<[string, number]> = [[story.start, story.clockStart]];
  const offer = (scene: string, clock: number) => {
    if (story.scenes[scene] && clock < (earliest[scene] ?? Infinity)) pending.push([scene, clock]);
  };
  while (pending.length) {
    const [id, clock] = pending.pop()!;
    if (clock >= (earliest[id] ?? Infinity)) continue;
    earliest[id] = clock;
    const scene = story.scenes[id]!;
    const settled = afterWaits(scene.body, clock);
    for (const target of jumpTargets(scene.body)) offer(target, settled);
    for (const choice of scene.choices) {
      const after = afterWaits(choice.body, settled + choice.cost);
      if (choice.target) offer(choice.target, after);
      for (const target of jumpTargets(choice.body)) offer(target, after);
    }
    for (const event of story.events) {
      if (!eventCanFireFrom(event, settled)) continue;
      const day = eventDay(event);
      const fires = day === null ? settled : Math.max(settled, (day - 1) * MINUTES_PER_DAY);
      for (const target of jumpTargets(event.body)) offer(target, fires);
    }
    offer(story.timeout.target, Math.max(settled, story.timeout.at));
  }
  return earliest;
}

/** False when the event is tied to a day that is over before `clock`. */
export function eventCanFireFrom(event: EventDecl, clock: number): boolean {
  const day = eventDay(event);
  if (day === null) return true;
  // A dawn event fires at the midnight that begins its day; a deadline event any time that day.
  const lastMoment = event.trigger === 'dawn' ? (day - 1) * MINUTES_PER_DAY : day * MINUTES_PER_DAY - 1;
  return clock <= lastMoment;
}
