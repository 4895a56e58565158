import { parseDuration, parseWeekTime } from '../week-time.js';
import { MAX_EXPRESSION_TOKENS } from '../limits.js';

export type Token =
  | { kind: 'int'; value: number; offset: number; text: string }
  | { kind: 'time'; value: number; offset: number; text: string }
  | { kind: 'name'; text: string; offset: number }
  /** `visits(scene)` or `taken(choice.id)`: a scene or choice id, which may hold `.` and `-` */
  | { kind: 'ref'; fn: 'visits' | 'taken'; id: string; idOffset: number; offset: number; text: string }
  | { kind: 'op'; text: string; offset: number }
  | { kind: 'end'; text: ''; offset: number };

export class TokenizeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// Sticky patterns matched at an offset: slicing the rest of the source for every token
// would make a long line quadratic.
const SPACE = /\s+/y;
const WEEK_TIME = /(Mon|Tue|Wed|Thu|Fri|Sat|Sun) +\d{1,2}:\d{2}/y;
const NUMBER_OR_DURATION = /\d+(?:[dhm](?:\d+[hm])*)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const REF = /(visits|taken)(\s*\(\s*)([A-Za-z0-9_.-]*)\s*\)/y;

function matchAt(pattern: RegExp, source: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0] ?? null;
}
const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ','];

/** Splits an expression into tokens; offsets are relative to the start of `source`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const space = matchAt(SPACE, source, i);
    if (space) {
      i += space.length;
      continue;
    }
    if (tokens.length >= MAX_EXPRESSION_TOKENS) {
      throw new TokenizeError(`this expression is too long (more than ${MAX_EXPRESSION_TOKENS.toLocaleString('en-US')} parts)`, i);
    }
    const weekTime = matchAt(WEEK_TIME, source, i);
    if (weekTime) {
      const value = parseWeekTime(weekTime);
      if (value === null) throw new TokenizeError(`'${weekTime}' is not a time of the week`, i);
      tokens.push({ kind: 'time', value, offset: i, text: weekTime });
      i += weekTime.length;
      continue;
    }
    const number = matchAt(NUMBER_OR_DURATION, source, i);
    if (number) {
      const value = /^\d+$/.test(number) ? Number(number) : parseDuration(number);
      if (value === null) throw new TokenizeError(`'${shorten(number)}' is not a number or a duration`, i);
      if (!Number.isSafeInteger(value)) throw new TokenizeError(`${shorten(number)} is too large (the largest number is ${Number.MAX_SAFE_INTEGER})`, i);
      const glued = matchAt(NAME, source, i + number.length);
      if (glued) throw new TokenizeError(`'${shorten(number + glued)}' is not a number or a name`, i);
      tokens.push({ kind: 'int', value, offset: i, text: number });
      i += number.length;
      continue;
    }
    REF.lastIndex = i;
    const ref = REF.exec(source);
    if (ref) {
      const fn = ref[1] as 'visits' | 'taken';
      if (!ref[3]) throw new TokenizeError(`${fn}() needs ${fn === 'visits' ? 'a scene id' : 'a choice id'}`, i);
      tokens.push({ kind: 'ref', fn, id: ref[3], idOffset: i + ref[1]!.length + ref[2]!.length, offset: i, text: ref[0] });
      i += ref[0].length;
      continue;
    }
    const name = matchAt(NAME, source, i);
    if (name) {
      tokens.push({ kind: 'name', text: name, offset: i });
      i += name.length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, offset: i });
      i += op.length;
      continue;
    }
    const c = source[i]!;
    const hint = c === '=' ? " (use '==' to compare)" : c === '&' || c === '|' ? " (use 'and' / 'or')" : '';
    throw new TokenizeError(`unexpected '${c}' in expression${hint}`, i);
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

/** A token as a message quotes it: long ones cut. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
