import type { Story, Value } from './types.js';
import { formatWeekTime, MINUTES_PER_DAY } from './week-time.js';

const WEEK_MINUTES = 7 * MINUTES_PER_DAY;

/**
 * Why `name = value` is no start the story could hold, or null when it is one: the variable
 * is declared, the value has its type (flags true or false, numbers and times whole and
 * safe), and it lies inside the declared range. One rule for `--set` and for the start a
 * save records, so no file can load a state that `--set` would refuse.
 */
export function assignmentProblem(name: string, value: Value, vars: Story['vars']): string | null {
  // The clock is the game's, not the story's: a run may start at another moment of the week.
  if (name === 'clock') {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value < WEEK_MINUTES
      ? null
      : `'clock' is a time: use a day and time such as "Fri 08:00"`;
  }
  const decl = Object.hasOwn(vars, name) ? vars[name] : undefined;
  if (!decl) return `the story declares no '${name}'`;
  if (decl.type === 'bool') return typeof value === 'boolean' ? null : `'${name}' is a flag: use true or false`;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return decl.type === 'time'
      ? `'${name}' is a time: use a day and time such as "Tue 18:00"`
      : `'${name}' takes a whole number`;
  }
  const low = decl.min ?? (decl.type === 'time' ? 0 : Number.MIN_SAFE_INTEGER);
  const high = decl.max ?? Number.MAX_SAFE_INTEGER;
  if (Number.isSafeInteger(value) && value >= low && value <= high) return null;
  const show = (n: number) => (decl.type === 'time' ? formatWeekTime(n) : String(n));
  const got = Number.isSafeInteger(value) ? show(value) : 'a number past the safe range';
  return `'${name}' must be from ${show(low)} to ${show(high)}, got ${got}`;
}
