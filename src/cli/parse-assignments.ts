import type { Story, Value } from '../story/types.js';
import { formatWeekTime, parseWeekTime } from '../story/week-time.js';
import { UserError } from './exit-codes.js';
import { safeLine } from '../text/safe-text.js';

/**
 * `--set cash=5000 --set tonny_beaten=true --set deadline="Tue 18:00"`, checked against the
 * story's declarations: flags take true or false, times a week time (or minutes since
 * Monday 00:00), numbers a whole number inside the declared range. A value the story could
 * never hold would debug a state that cannot happen, so it is refused, not clamped.
 */
export function parseAssignments(pairs: string[], vars: Story['vars']): Record<string, Value> {
  const set: Record<string, Value> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_]\w*)=(.*)$/s.exec(pair);
    if (!match) throw new UserError(`--set: expected name=value, got '${safeLine(pair, 60)}'`);
    const [, name, raw] = match as unknown as [string, string, string];
    const decl = vars[name];
    if (!decl) throw new UserError(`--set: the story declares no '${name}'`);
    const value = raw.trim();
    if (decl.type === 'bool') {
      if (value !== 'true' && value !== 'false') throw new UserError(`--set: '${name}' is a flag: use true or false`);
      set[name] = value === 'true';
      continue;
    }
    const number =
      decl.type === 'time' && !/^-?\d+$/.test(value)
        ? parseWeekTime(value)
        : /^-?\d+$/.test(value)
          ? Number(value)
          : null;
    if (number === null) {
      throw new UserError(
        decl.type === 'time'
          ? `--set: '${name}' is a time: use a day and time such as "Tue 18:00"`
          : `--set: '${name}' takes a whole number`,
      );
    }
    // Times have no declared range: any moment from Monday 00:00 that is a safe integer.
    const low = decl.min ?? 0;
    const high = decl.max ?? Number.MAX_SAFE_INTEGER;
    if (number < low || number > high) {
      const show = (n: number) => (decl.type === 'time' ? formatWeekTime(n) : String(n));
      throw new UserError(`--set: '${name}' must be from ${show(low)} to ${show(high)}, got ${safeLine(raw, 40)}`);
    }
    set[name] = number;
  }
  return set;
}
