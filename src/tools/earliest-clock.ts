import type { EventDecl, Expr, Statement, Story } from '../story/types.js';
import { MINUTES_PER_DAY } from '../story/week-time.js';
import { mayReturn } from '../story/walk-statements.js';
import { returnTargets } from '../story/tunnels.js';

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
 * The least clock a condition implies when it holds: `day == 4`, `day >= 4`, `day > 3`,
 * `clock >= Thu 08:00`, alone or joined by `and`. 0 when it implies nothing.
 */
export function clockImpliedBy(expr: Expr | null): number {
  if (!expr || expr.kind !== 'binary') return 0;
  if (expr.op === 'and') return Math.max(clockImpliedBy(expr.left), clockImpliedBy(expr.right));
  const { left, right, op } = expr;
  if (left.kind !== 'name') return 0;
  const value = right.kind === 'int' || right.kind === 'time' ? right.value : null;
  if (value === null) return 0;
  if (left.name === 'day') {
    if (op === '==' || op === '>=') return (value - 1) * MINUTES_PER_DAY;
    if (op === '>') return value * MINUTES_PER_DAY;
  }
  if (left.name === 'clock') {
    if (op === '==' || op === '>=') return value;
    if (op === '>') return value + 1;
  }
  return 0;
}

/**
 * Every scene a body may jump to, with the least clock at the jump: the clock when the
 * body starts, raised by what the enclosing `if` conditions imply. (Branches after an
 * `elif` or `else` imply nothing: their earlier conditions were false.)
 */
function guardedJumps(body: Statement[], clock: number, out: Array<[string, number]>): void {
  for (const statement of body) {
    if (statement.kind === 'jump' || statement.kind === 'tunnel') out.push([statement.target, clock]);
    else if (statement.kind === 'chance') for (const branch of statement.branches) out.push([branch.target, clock]);
    else if (statement.kind === 'if') {
      statement.branches.forEach((branch, i) => {
        const implied = i === 0 ? clockImpliedBy(branch.cond) : branch.cond ? clockImpliedBy(branch.cond) : 0;
        guardedJumps(branch.body, Math.max(clock, implied), out);
      });
    }
  }
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
    const jumps: Array<[string, number]> = [];
    guardedJumps(scene.body, settled, jumps);
    for (const choice of scene.choices) {
      const after = afterWaits(choice.body, settled + choice.cost);
      if (choice.target) jumps.push([choice.target, after]);
      guardedJumps(choice.body, after, jumps);
    }
    for (const event of story.events) {
      if (!eventCanFireFrom(event, settled)) continue;
      const day = eventDay(event);
      const fires = day === null ? settled : Math.max(settled, (day - 1) * MINUTES_PER_DAY);
      guardedJumps(event.body, fires, jumps);
    }
    // A `->->` goes on to where its tunnel's callers said, no earlier than now.
    if (mayReturn(scene.body) || scene.choices.some((choice) => mayReturn(choice.body)))
      for (const target of returnTargets(story, id)) jumps.push([target, settled]);
    for (const [target, at] of jumps) offer(target, at);
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
