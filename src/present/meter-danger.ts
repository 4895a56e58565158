import type { Meters } from '../engine/meters.js';

/** How close a meter is to hurting: drives the bar's colour and the screen-reader wording. */
export type Danger = 'calm' | 'warn' | 'danger';

/**
 * The stretch of time the current deadline gives: the time bar's full length. The engine only
 * knows the deadline, not when it was set, so the player's view remembers it between states.
 */
export interface DeadlineWindow {
  deadline: number;
  /** minutes from when this deadline was first seen (or last pushed back) to the deadline */
  length: number;
}

/**
 * The window after a state change: unchanged while the deadline holds; a deadline pushed back
 * (or a new one) fills the bar again; a deadline cut short keeps the old length, so the bar
 * visibly drops instead of looking refilled.
 */
export function nextDeadlineWindow(previous: DeadlineWindow | null, meters: Meters): DeadlineWindow {
  const left = Math.max(meters.minutesLeft, 1);
  if (!previous) return { deadline: meters.deadline, length: left };
  if (previous.deadline === meters.deadline) return previous;
  if (meters.deadline < previous.deadline)
    return { deadline: meters.deadline, length: Math.max(previous.length, left) };
  return { deadline: meters.deadline, length: left };
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

/** How full the debt bar is: the debt against the largest debt the story allows. */
export function debtFraction(meters: Meters): number {
  // A story without a ceiling still gets a bar: measured against twice today's debt.
  const full = meters.debtMax > 0 ? meters.debtMax : Math.max(meters.debt * 2, 1);
  return clamp01(meters.debt / full);
}

/** How full the time bar is: the time left against the whole window. */
export function timeFraction(meters: Meters, window: DeadlineWindow): number {
  return clamp01(meters.minutesLeft / Math.max(window.length, 1));
}

export function debtDanger(meters: Meters): Danger {
  const fraction = debtFraction(meters);
  if (fraction >= 0.8) return 'danger';
  if (fraction >= 0.5) return 'warn';
  return 'calm';
}

/** Time turns dangerous by share of the window or by the clock, whichever comes first. */
export function timeDanger(meters: Meters, window: DeadlineWindow): Danger {
  const fraction = timeFraction(meters, window);
  if (meters.minutesLeft <= 120 || fraction <= 0.2) return 'danger';
  if (meters.minutesLeft <= 6 * 60 || fraction <= 0.5) return 'warn';
  return 'calm';
}

/** `█████░░░░░`: a bar `width` cells wide, filled to `fraction`; any fill shows at least one cell. */
export function formatBar(fraction: number, width: number): string {
  const cells = Math.max(0, Math.floor(width));
  const f = clamp01(fraction);
  let filled = Math.round(f * cells);
  if (f > 0 && filled === 0 && cells > 0) filled = 1;
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
