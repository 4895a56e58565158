import type { Expr, Statement, Story } from '../story/types.js';
import { MINUTES_PER_DAY, nextTimeOfDay } from '../story/week-time.js';
import { relevantVariables } from './live-variables.js';
import { assertShapesKnown, Unsupported } from './known-shapes.js';

export { Unsupported };

/**
 * The story's transitions compiled into closures over a number array, for the state sweep
 * (sweep-states.ts): the same steps as the engine (start-game, take-choice, enter-scene,
 * fire-events, run-block), with no objects copied per step and no prose rendered. Values
 * are numbers; booleans are 0 and 1. Variables that no condition can ever read (prose
 * only) are not tracked at all.
 *
 * It knows only the constructs listed in known-shapes.ts: a story with any other (a new
 * statement, a new field on a choice) makes compileStory throw Unsupported, and the sweep
 * falls back to the engine itself. A property test keeps the two in step.
 */

/** The working copy of a state during a transition. */
export interface Machine {
  vars: Float64Array;
  clock: number;
  eventsDoneAt: number;
  /** -1 when no deadline has fired */
  deadlineFired: number;
  /** the deadline values whose event fired during this transition (run-context.ts's deadlinesFired) */
  firedNow: number[];
  /** picks a chance branch: every branch in turn when exploring (targets are scene numbers) */
  choose: (percents: readonly number[], targets: readonly number[]) => number;
  /** scenes entered during this transition are marked here, when set */
  entered: Uint8Array | null;
}

type Num = (vars: Float64Array, clock: number) => number;
/** Runs a block; the scene number it leaves for, or -1 when it runs to its end. */
type Block = (m: Machine) => number;

export interface CompiledChoice {
  id: string;
  /** null when the choice has no condition */
  open: ((vars: Float64Array, clock: number) => boolean) | null;
  cost: number;
  /** `[until HH:MM]`: the minute of the day the choice lasts until; -1 for a plain cost */
  until: number;
  body: Block;
  target: number;
}

export interface CompiledStory {
  sceneIds: string[];
  /** per scene: its ending's slot (its place in endingIds), or -1 */
  endingSlot: Int32Array;
  endingIds: string[];
  choices: CompiledChoice[][];
  varNames: string[];
  initial: Float64Array;
  /** each scene's live variables, as indices into vars (state-key.ts's order) */
  live: Int32Array[];
  start(m: Machine): number;
  /** takes an open choice; the scene the run rests at (a choice point or an ending) */
  take(m: Machine, scene: number, choice: number): number;
}

const truth = (value: number) => (value !== 0 ? 1 : 0);
/** As evaluate-expression.ts: computed numbers stay safe integers. */
const safe = (n: number) => Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, n));

export function compileStory(story: Story, live: Record<string, string[]>): CompiledStory {
  assertShapesKnown(story);
  const relevant = relevantVariables(story);
  const varNames = story.varOrder.filter((name) => relevant.has(name));
  const varIndex = new Map(varNames.map((name, i) => [name, i] as const));
  const sceneIds = story.sceneOrder;
  const sceneIndex = new Map(sceneIds.map((id, i) => [id, i] as const));
  const endingIds = sceneIds.filter((id) => story.scenes[id]!.ending);
  const endingSlot = new Int32Array(sceneIds.length).fill(-1);
  endingIds.forEach((id, slot) => (endingSlot[sceneIndex.get(id)!] = slot));
  const sceneOf = (id: string): number => {
    const index = sceneIndex.get(id);
    if (index === undefined) throw new Unsupported(`no scene '${id}'`);
    return index;
  };

  const timeoutAt = story.timeout.at;
  const timeoutScene = sceneOf(story.timeout.target);
  const timeoutTarget = () => timeoutScene;
  /** As run-context.ts's passTimeTo: forward only, never past the week's end; true when it is over. */
  const passTimeTo = (m: Machine, to: number): boolean => {
    m.clock = Math.min(Math.max(m.clock, to), Math.max(timeoutAt, m.clock));
    return m.clock >= timeoutAt;
  };

  const expr = (e: Expr): Num => {
    switch (e.kind) {
      case 'int':
      case 'time': {
        const value = e.value;
        return () => value;
      }
      case 'bool': {
        const value = e.value ? 1 : 0;
        return () => value;
      }
      case 'name': {
        if (e.name === 'clock') return (_v, clock) => clock;
        if (e.name === 'day') return (_v, clock) => Math.floor(clock / MINUTES_PER_DAY) + 1;
        if (e.name === 'hour') return (_v, clock) => Math.floor((clock % MINUTES_PER_DAY) / 60);
        const index = varIndex.get(e.name);
        if (index === undefined) throw new Unsupported(`name '${e.name}' read but not tracked`);
        return (v) => v[index]!;
      }
      case 'unary': {
        const arg = expr(e.arg);
        if (e.op === 'not') return (v, c) => (arg(v, c) !== 0 ? 0 : 1);
        if (e.op === '-') return (v, c) => safe(-arg(v, c));
        throw new Unsupported(`unary ${String(e.op)}`);
      }
      case 'call': {
        const args = e.args.map(expr);
        const [a, b] = args;
        if (e.fn === 'abs' && a) return (v, c) => safe(Math.abs(a(v, c)));
        if (e.fn === 'min' && a && b) return (v, c) => Math.min(a(v, c), b(v, c));
        if (e.fn === 'max' && a && b) return (v, c) => Math.max(a(v, c), b(v, c));
        throw new Unsupported(`call ${String(e.fn)}`);
      }
      case 'binary': {
        const l = expr(e.left);
        const r = expr(e.right);
        switch (e.op) {
          case 'and':
            return (v, c) => (l(v, c) !== 0 && r(v, c) !== 0 ? 1 : 0);
          case 'or':
            return (v, c) => (l(v, c) !== 0 || r(v, c) !== 0 ? 1 : 0);
          case '==':
            return (v, c) => (l(v, c) === r(v, c) ? 1 : 0);
          case '!=':
            return (v, c) => (l(v, c) !== r(v, c) ? 1 : 0);
          case '<':
            return (v, c) => (l(v, c) < r(v, c) ? 1 : 0);
          case '<=':
            return (v, c) => (l(v, c) <= r(v, c) ? 1 : 0);
          case '>':
            return (v, c) => (l(v, c) > r(v, c) ? 1 : 0);
          case '>=':
            return (v, c) => (l(v, c) >= r(v, c) ? 1 : 0);
          case '+':
            return (v, c) => safe(l(v, c) + r(v, c));
          case '-':
            return (v, c) => safe(l(v, c) - r(v, c));
          case '*':
            return (v, c) => safe(l(v, c) * r(v, c));
          case '/':
            return (v, c) => {
              const d = r(v, c);
              return d === 0 ? 0 : Math.floor(l(v, c) / d);
            };
          case '%':
            return (v, c) => {
              const a = l(v, c);
              const d = r(v, c);
              return d === 0 ? 0 : a - d * Math.floor(a / d);
            };
          default:
            throw new Unsupported(`operator ${String((e as { op: string }).op)}`);
        }
      }
      default:
        throw new Unsupported(`expression ${(e as { kind: string }).kind}`);
    }
  };

  /** Assignment within the declared range, as run-context.ts's assign. */
  const assigner = (name: string): ((m: Machine, value: number) => void) => {
    const decl = story.vars[name];
    const index = varIndex.get(name);
    if (!decl || index === undefined) throw new Unsupported(`assignment to '${name}'`);
    if (decl.type === 'bool')
      return (m, value) => {
        m.vars[index] = truth(value);
      };
    const min = decl.min ?? -Infinity;
    const max = decl.max ?? Infinity;
    const floor = decl.type === 'time' ? 0 : -Infinity;
    return (m, value) => {
      m.vars[index] = Math.max(floor, Math.min(max, Math.max(min, value)));
    };
  };

  const statement = (s: Statement): Block | null => {
    switch (s.kind) {
      case 'para':
        return null;
      case 'effect': {
        // Nothing that steers the story ever reads this variable: skip the work.
        if (!varIndex.has(s.name)) return null;
        const set = assigner(s.name);
        const value = expr(s.value);
        const index = varIndex.get(s.name)!;
        if (s.op === '=')
          return (m) => {
            set(m, value(m.vars, m.clock));
            return -1;
          };
        const sign = s.op === '+=' ? 1 : s.op === '-=' ? -1 : 0;
        if (sign === 0) throw new Unsupported(`effect ${String(s.op)}`);
        return (m) => {
          set(m, m.vars[index]! + sign * value(m.vars, m.clock));
          return -1;
        };
      }
      // A wait that reaches the week's end leaves for the @timeout ending at once (run-block.ts).
      case 'wait': {
        const duration = expr(s.duration);
        return (m) => (passTimeTo(m, m.clock + Math.max(0, duration(m.vars, m.clock))) ? timeoutTarget() : -1);
      }
      case 'wait-until': {
        const time = expr(s.time);
        return (m) => (passTimeTo(m, time(m.vars, m.clock)) ? timeoutTarget() : -1);
      }
      case 'jump': {
        const target = sceneOf(s.target);
        return () => target;
      }
      case 'chance': {
        const percents = s.branches.map((branch) => branch.percent);
        const targets = s.branches.map((branch) => sceneOf(branch.target));
        return (m) => targets[m.choose(percents, targets)]!;
      }
      case 'if': {
        // An `if` around prose only (or effects nothing reads) changes nothing: skip it, and
        // its conditions, which may read variables that are not tracked.
        const bodies = s.branches.map((branch) => steps(branch.body));
        if (bodies.every((list) => list.length === 0)) return null;
        const branches = s.branches.map((branch, i) => ({
          cond: branch.cond ? expr(branch.cond) : null,
          body: sequence(bodies[i]!),
        }));
        return (m) => {
          for (const branch of branches) {
            if (branch.cond === null || branch.cond(m.vars, m.clock) !== 0) return branch.body(m);
          }
          return -1;
        };
      }
      default:
        throw new Unsupported(`statement ${(s as { kind: string }).kind}`);
    }
  };

  const steps = (body: Statement[]): Block[] => body.map(statement).filter((step): step is Block => step !== null);
  const block = (body: Statement[]): Block => sequence(steps(body));
  const sequence = (steps: Block[]): Block => {
    if (steps.length === 0) return () => -1;
    if (steps.length === 1) return steps[0]!;
    return (m) => {
      for (const step of steps) {
        const target = step(m);
        if (target >= 0) return target;
      }
      return -1;
    };
  };

  const dawn = story.events
    .filter((event) => event.trigger === 'dawn')
    .map((event) => ({ when: event.when ? expr(event.when) : null, body: block(event.body) }));
  const onDeadline = story.events
    .filter((event) => event.trigger === 'deadline')
    .map((event) => ({ when: event.when ? expr(event.when) : null, body: block(event.body) }));
  if (story.events.some((event) => event.trigger !== 'dawn' && event.trigger !== 'deadline'))
    throw new Unsupported('event trigger');
  // `@on deadline` watches the story's time meter; with none, it never fires.
  const meter = story.meters.time;
  const deadlineIndex = meter === null ? -1 : (varIndex.get(meter) ?? -1);
  if (meter !== null && deadlineIndex < 0 && onDeadline.length)
    throw new Unsupported(`time meter '${meter}' not tracked`);

  /**
   * As fire-events.ts: midnights in order, then the deadline once per value (and once per
   * value within one transition); the first jump wins. Event bodies cannot spend time (the
   * validator), so the week's end cannot come during them.
   */
  const fireEvents = (m: Machine): number => {
    if (m.clock >= timeoutAt) return timeoutScene;
    let target = -1;
    const firstMidnight = (Math.floor(m.eventsDoneAt / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY;
    for (let midnight = firstMidnight; midnight <= m.clock; midnight += MINUTES_PER_DAY) {
      for (const event of dawn) {
        if (event.when && event.when(m.vars, midnight) === 0) continue;
        const jump = event.body(m);
        if (target < 0) target = jump;
      }
    }
    m.eventsDoneAt = m.clock;
    if (deadlineIndex < 0) return target;
    const deadline = m.vars[deadlineIndex]!;
    if (deadline <= m.clock && m.deadlineFired !== deadline && !m.firedNow.includes(deadline)) {
      m.deadlineFired = deadline;
      m.firedNow.push(deadline);
      for (const event of onDeadline) {
        if (event.when && event.when(m.vars, m.clock) === 0) continue;
        const jump = event.body(m);
        if (target < 0) target = jump;
      }
    }
    return target;
  };

  const bodies = sceneIds.map((id) => block(story.scenes[id]!.body));
  const MAX_HOPS = 100_000;
  /** As enter-scene.ts: follows jumps, draws and events to a choice point or an ending. */
  const enter = (m: Machine, target: number): number => {
    let current = target;
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      if (m.entered) m.entered[current] = 1;
      const jump = bodies[current]!(m);
      if (jump >= 0) {
        current = jump;
        continue;
      }
      if (endingSlot[current]! >= 0) return current;
      const eventJump = fireEvents(m);
      if (eventJump >= 0) {
        current = eventJump;
        continue;
      }
      return current;
    }
    throw new Error(`the story kept jumping without a choice (last at '${sceneIds[current]}')`);
  };

  const choices = sceneIds.map((id) =>
    story.scenes[id]!.choices.map((choice): CompiledChoice => {
      const conds = [...choice.hiddenUnless, ...choice.lockedUnless.map((lock) => lock.cond)].map(expr);
      const declared = choice.declared;
      return {
        id: choice.id,
        open: conds.length === 0 ? null : conds.length === 1 ? onlyCond(conds[0]!) : allConds(conds),
        cost: choice.cost,
        until: declared?.kind === 'until' ? declared.at : -1,
        body: block(choice.body),
        target: choice.target === null ? -1 : sceneOf(choice.target),
      };
    }),
  );

  const initial = new Float64Array(varNames.map((name) => Number(story.vars[name]!.initial)));
  return {
    sceneIds,
    endingSlot,
    endingIds,
    choices,
    varNames,
    initial,
    live: sceneIds.map((id) =>
      Int32Array.from(
        (live[id] ?? story.varOrder).map((name) => {
          const index = varIndex.get(name);
          if (index === undefined) throw new Unsupported(`live variable '${name}' not tracked`);
          return index;
        }),
      ),
    ),
    start(m) {
      m.eventsDoneAt = m.clock;
      m.firedNow.length = 0;
      return enter(m, sceneOf(story.start));
    },
    take(m, scene, index) {
      const choice = choices[scene]![index]!;
      m.eventsDoneAt = m.clock;
      m.firedNow.length = 0;
      // A choice that would run past the week's end ends the run then: its body never happens;
      // one that ends at that very moment is done first (take-choice.ts).
      const ends = choice.until >= 0 ? nextTimeOfDay(m.clock, choice.until) : m.clock + choice.cost;
      passTimeTo(m, ends);
      const timedOut = ends > timeoutAt;
      const bodyJump = timedOut ? -1 : choice.body(m);
      const eventJump = fireEvents(m);
      const target = eventJump >= 0 ? eventJump : bodyJump >= 0 ? bodyJump : choice.target;
      if (target < 0) throw new Error(`choice '${choice.id}' leads nowhere`);
      return enter(m, target);
    },
  };
}

const onlyCond =
  (cond: Num) =>
  (vars: Float64Array, clock: number): boolean =>
    cond(vars, clock) !== 0;

function allConds(conds: Num[]) {
  return (vars: Float64Array, clock: number): boolean => {
    for (let i = 0; i < conds.length; i++) if (conds[i]!(vars, clock) === 0) return false;
    return true;
  };
}
