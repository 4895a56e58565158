import type { Story, Value, VarDecl } from '../story/types.js';
import { parseWeekTime } from '../story/week-time.js';
import { assignmentProblem } from '../story/assignment-problem.js';
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
    if (name === 'clock') {
      // The clock is the game's, not the story's: it starts the run at another moment.
      const at = parseValue('time', raw.trim());
      const problem = assignmentProblem(name, at ?? false, vars);
      if (problem) throw new UserError(`--set: ${problem}`);
      set['clock'] = at!;
      continue;
    }
    const decl = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (!decl) throw new UserError(`--set: ${assignmentProblem(name, 0, vars)}`);
    const parsed = parseValue(decl.type, raw.trim());
    // Text that is no value of the type reads as one of the wrong type, for the same message.
    const problem = assignmentProblem(name, parsed ?? (decl.type === 'bool' ? 0 : false), vars);
    if (problem) throw new UserError(`--set: ${problem}`);
    set[name] = parsed!;
  }
  return set;
}

/** The value text stands for, or null when it is no value of the type. */
function parseValue(type: VarDecl['type'], text: string): Value | null {
  const whole = /^-?\d+$/.test(text);
  if (type === 'bool') return text === 'true' ? true : text === 'false' ? false : null;
  if (whole) return Number(text);
  return type === 'time' ? parseWeekTime(text) : null;
}
