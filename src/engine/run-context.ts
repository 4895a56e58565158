import type { Story, Value } from '../story/types.js';
import type { ChanceChooser, GameState, TraceEntry, TransitionTrace } from './game-state.js';
import { TAKEN_PREFIX, VISITS_PREFIX } from '../story/expression/evaluate-expression.js';
import { sceneNumber } from './scene-visits.js';
import { dayOf, hourOf } from '../story/week-time.js';
import type { Scope } from '../story/expression/evaluate-expression.js';

/**
 * The working copy of a state during one transition. Only transitions hold one, and
 * they turn it back into a fresh immutable GameState when done.
 */
export interface RunContext {
  story: Story;
  seed: number;
  clock: number;
  /** events have been fired for every moment up to this clock */
  eventsDoneAt: number;
  vars: Record<string, Value>;
  deadlineFired: number | null;
  /** the deadline values whose event fired during this transition */
  /** the deadline values whose event fired in this transition; made when the first fires */
  deadlinesFired: Set<number> | null;
  visits: number[];
  /** the choices taken so far, the one being taken included */
  taken: string[];
  /** the tunnel return stack (see GameState.returns) */
  returns: string[];
  /** null when nobody will read the prose (exploration), which saves the rendering */
  paragraphs: string[] | null;
  /** the scenes entered, for --debug; null when prose is not rendered */
  trace: TraceEntry[] | null;
  choose: ChanceChooser;
  /** filled in when a tool asks what the transition did with the clock */
  transition?: TransitionTrace;
}

/** What an expression may read: values, the clock, visit counts and the choices taken. */
export type ScopeSource = Pick<RunContext, 'story' | 'vars' | 'clock' | 'visits' | 'taken'>;

export function contextFrom(
  story: Story,
  state: GameState,
  choose: ChanceChooser,
  render: boolean,
  trace = render,
): RunContext {
  return {
    story,
    seed: state.seed,
    clock: state.clock,
    eventsDoneAt: state.clock,
    vars: { ...state.vars },
    deadlineFired: state.deadlineFired,
    deadlinesFired: null,
    visits: state.visits.slice(),
    taken: state.taken,
    returns: state.returns,
    paragraphs: render ? [] : null,
    trace: trace ? [] : null,
    choose,
  };
}

/** The names an expression may read: declared variables and the clock's parts. */
export function scopeOf(ctx: ScopeSource, clock = ctx.clock): Scope {
  return (name) => {
    if (name.charCodeAt(0) === 64 /* @ */) {
      if (name.startsWith(VISITS_PREFIX))
        return ctx.visits[sceneNumber(ctx.story, name.slice(VISITS_PREFIX.length))] ?? 0;
      if (name.startsWith(TAKEN_PREFIX)) return ctx.taken.includes(name.slice(TAKEN_PREFIX.length));
    }
    switch (name) {
      case 'clock':
        return clock;
      case 'day':
        return dayOf(clock);
      case 'hour':
        return hourOf(clock);
      default:
        return ctx.vars[name]!;
    }
  };
}

/**
 * Moves the clock forward to `to`, never back and never past the week's end: the timeout
 * ends the run at that moment, whatever was taking the time. True when the week is over.
 */
export function passTimeTo(ctx: RunContext, to: number): boolean {
  const end = ctx.story.timeout.at;
  ctx.clock = Math.min(Math.max(ctx.clock, to), Math.max(end, ctx.clock));
  return ctx.clock >= end;
}

/** Assigns within the declared range: whole numbers clamp, times never go below zero. */
export function assign(ctx: RunContext, name: string, value: Value): void {
  const decl = ctx.story.vars[name]!;
  if (typeof value === 'boolean' || decl.type === 'bool') {
    ctx.vars[name] = Boolean(value);
    return;
  }
  let clamped = value;
  if (decl.min !== null) clamped = Math.max(decl.min, clamped);
  if (decl.max !== null) clamped = Math.min(decl.max, clamped);
  if (decl.type === 'time') clamped = Math.max(0, clamped);
  ctx.vars[name] = clamped;
}
