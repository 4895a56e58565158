import { groupThousands } from '../story/format-value.js';
import { dayOf, formatDayName, formatDuration, formatWeekTime } from '../story/week-time.js';
import type { MeterDeltas, Meters, MoneyMeter } from '../engine/meters.js';

const MINUS = '\u2212';

/** `60,000 kr` in the money meter's own unit (none when it has none). */
export function formatMoney(amount: number, unit: string | null = null): string {
  return `${groupThousands(amount)}${unit ? ` ${unit}` : ''}`;
}

/** `+15,000 kr`, `−3,000 kr` */
export function formatSignedMoney(amount: number, unit: string | null = null): string {
  return `${amount < 0 ? MINUS : '+'}${formatMoney(Math.abs(amount), unit)}`;
}

/** The ending's money line, `Final debt` and `60,000 kr`, in the story's own words; null without a money meter. */
export function finalMoney(money: MoneyMeter | null, amount: number): { label: string; value: string } | null {
  if (!money) return null;
  return {
    label: `Final ${money.label.charAt(0).toLowerCase()}${money.label.slice(1)}`,
    value: formatMoney(amount, money.unit),
  };
}

/** Time left before the deadline, the way a worried man counts it: `59 h`, `45 m`, `overdue 2 h`. */
export function formatTimeLeft(minutes: number): string {
  if (minutes < 0) return `overdue ${formatHoursOrMinutes(-minutes)}`;
  return `${formatHoursOrMinutes(minutes)} left`;
}

function formatHoursOrMinutes(minutes: number): string {
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h` : `${minutes} m`;
}

/** `−3 h`, `+1 d`, `−20 m`: how a choice moved the time meter. */
export function formatSignedDuration(minutes: number): string {
  return `${minutes < 0 ? MINUS : '+'}${formatDuration(Math.abs(minutes))
    .replace(/(\d)([dhm])/g, '$1 $2 ')
    .trim()}`;
}

export function formatStatusValue(value: number | boolean, type: 'int' | 'bool' | 'time', unit: string | null): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (type === 'time') return formatWeekTime(value);
  return unit ? `${groupThousands(value)} ${unit}` : groupThousands(value);
}

/** One line of meters for plain text: `Mon 09:00 · Debt 60,000 kr · 59 h left (Wed 20:00) · Cash 6,000 kr`. */
export function formatMetersLine(meters: Meters, timeLabel = meters.timeLabel): string {
  return [
    formatWeekTime(meters.clock),
    ...(meters.money ? [`${meters.money.label} ${formatMoney(meters.debt, meters.money.unit)}`] : []),
    ...(meters.time ? [`${formatTimeLeft(meters.minutesLeft)} (${timeLabel} ${formatWeekTime(meters.deadline)})`] : []),
    ...meters.status.map((entry) => `${entry.label} ${formatStatusValue(entry.value, entry.type, entry.unit)}`),
  ].join(' · ');
}

/** The changes a choice made, or '' when nothing the player watches moved. */
export function formatDeltas(deltas: MeterDeltas, money: MoneyMeter | null = null): string {
  const parts: string[] = [];
  if (deltas.debt && money) parts.push(`${money.label} ${formatSignedMoney(deltas.debt, money.unit)}`);
  if (deltas.minutesLeft) parts.push(`Time ${formatSignedDuration(deltas.minutesLeft)}`);
  for (const entry of deltas.status) {
    if (typeof entry.delta === 'boolean') parts.push(`${entry.label} ${entry.delta ? 'yes' : 'no'}`);
    else
      parts.push(
        `${entry.label} ${entry.delta < 0 ? MINUS : '+'}${groupThousands(Math.abs(entry.delta))}${entry.unit ? ` ${entry.unit}` : ''}`,
      );
  }
  return parts.join(' · ');
}

/** `Day 1 · Monday 08:00`: where in the week the player stands. */
export function formatDayClock(clock: number): string {
  return `Day ${dayOf(clock)} · ${formatDayName(clock)} ${formatWeekTime(clock).slice(-5)}`;
}

/** What a choice costs in time, spelled for reading: `5 m`, `1 h 30 m`, `12 h`. */
export function formatCost(minutes: number): string {
  return formatDuration(minutes)
    .replace(/(\d)([dhm])/g, '$1 $2 ')
    .trim();
}
