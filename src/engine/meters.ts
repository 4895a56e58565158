import type { Story } from '../story/types.js';
import type { GameState } from './game-state.js';

/** The story's money meter as the player sees it: its own label and unit (`@meter money`). */
export interface MoneyMeter {
  name: string;
  label: string;
  unit: string | null;
}

/**
 * The two meters and the visible status values, read off a state. The meters are the story's
 * own (`@meter money NAME`, `@meter time NAME`); a story without one has `money` or `time`
 * null, and `debt`, `debtMax`, `deadline` and `minutesLeft` read 0 for it.
 */
export interface Meters {
  /** the money meter, or null when the story marks none */
  money: MoneyMeter | null;
  /** the money meter's value */
  debt: number;
  /** the largest value the money meter allows: its bar's full length */
  debtMax: number;
  /** the name of the time meter's @time, or null when the story marks none */
  time: string | null;
  /** what the time meter's moment is called: its `show` label, else its name (`deadline`) */
  timeLabel: string;
  /** minutes left before the time meter's moment (negative once it has passed) */
  minutesLeft: number;
  clock: number;
  deadline: number;
  status: Array<{
    name: string;
    label: string;
    value: number | boolean;
    unit: string | null;
    type: 'int' | 'bool' | 'time';
  }>;
}

/** The money meter's label and unit: its `show`, else its name. */
export function moneyMeter(story: Story): MoneyMeter | null {
  const name = story.meters.money;
  if (name === null) return null;
  const show = story.vars[name]?.show;
  return { name, label: show?.label ?? name, unit: show?.unit ?? null };
}

export function readMeters(story: Story, state: GameState): Meters {
  const { money, time } = story.meters;
  const deadline = time === null ? state.clock : (state.vars[time] as number);
  return {
    money: moneyMeter(story),
    debt: money === null ? 0 : (state.vars[money] as number),
    debtMax: money === null ? 0 : (story.vars[money]?.max ?? 0),
    time,
    timeLabel: time === null ? '' : (story.vars[time]?.show?.label ?? time.replace(/_/g, ' ')),
    minutesLeft: deadline - state.clock,
    clock: state.clock,
    deadline,
    status: story.varOrder
      .filter((name) => name !== money && name !== time && story.vars[name]!.show)
      .map((name) => {
        const decl = story.vars[name]!;
        return { name, label: decl.show!.label, value: state.vars[name]!, unit: decl.show!.unit, type: decl.type };
      }),
  };
}

/** How each meter moved between two states: money in its unit, time left in minutes, status values. */
export interface MeterDeltas {
  debt: number;
  minutesLeft: number;
  status: Array<{ name: string; label: string; delta: number | boolean; unit: string | null }>;
}

export function meterDeltas(story: Story, before: GameState, after: GameState): MeterDeltas {
  const a = readMeters(story, before);
  const b = readMeters(story, after);
  return {
    debt: b.debt - a.debt,
    minutesLeft: b.minutesLeft - a.minutesLeft,
    status: b.status.flatMap((entry, i) => {
      const old = a.status[i]!.value;
      if (old === entry.value) return [];
      const delta = typeof entry.value === 'number' && typeof old === 'number' ? entry.value - old : entry.value;
      return [{ name: entry.name, label: entry.label, delta, unit: entry.unit }];
    }),
  };
}
