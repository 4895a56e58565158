import type { Story } from '../story/types.js';
import type { GameState } from './game-state.js';

/** The two meters and the visible status values, read off a state. */
export interface Meters {
  debt: number;
  /** the largest debt the story allows: the debt bar's full length */
  debtMax: number;
  /** minutes left before the current deadline (negative once it has passed) */
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

export function readMeters(story: Story, state: GameState): Meters {
  const deadline = state.vars['deadline'] as number;
  return {
    debt: state.vars['debt'] as number,
    debtMax: story.vars['debt']?.max ?? 0,
    minutesLeft: deadline - state.clock,
    clock: state.clock,
    deadline,
    status: story.varOrder
      .filter((name) => name !== 'debt' && name !== 'deadline' && story.vars[name]!.show)
      .map((name) => {
        const decl = story.vars[name]!;
        return { name, label: decl.show!.label, value: state.vars[name]!, unit: decl.show!.unit, type: decl.type };
      }),
  };
}

/** How each meter moved between two states: debt in kroner, time left in minutes, status values. */
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
