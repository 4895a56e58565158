import type { Value, ValueType } from './types.js';
import { formatWeekTime } from './week-time.js';

/** 120000 → `120,000`: fixed separators, so output never depends on the machine's locale. */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  // Past 2^53 String() gives `8.1e+31`; BigInt gives the digits the number holds.
  const whole = Math.abs(Math.trunc(n));
  const digits = Number.isSafeInteger(whole) || !Number.isFinite(whole) ? String(whole) : BigInt(whole).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** How a value reads inside prose: grouped numbers, week times, yes/no. */
export function formatValue(value: Value, type: ValueType): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (type === 'time') return formatWeekTime(value);
  return groupThousands(value);
}
