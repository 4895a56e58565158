import { parseDuration, parseWeekTime } from '../week-time.js';

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

const WEEK_TIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) +\d{1,2}:\d{2}/;
const NUMBER_OR_DURATION = /^\d+(?:[dhm](?:\d+[hm])*)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const REF = /^(visits|taken)(\s*\(\s*)([A-Za-z0-9_.-]*)\s*\)/;
const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ','];

/** Splits an expression into tokens; offsets are relative to the start of `source`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const weekTime = WEEK_TIME.exec(rest);
    if (weekTime) {
      const value = parseWeekTime(weekTime[0]);
      if (value === null) throw new TokenizeError(`'${weekTime[0]}' is not a time of the week`, i);
      tokens.push({ kind: 'time', value, offset: i, text: weekTime[0] });
      i += weekTime[0].length;
      continue;
    }
    const number = NUMBER_OR_DURATION.exec(rest);
    if (number) {
      const text = number[0];
      const value = /^\d+$/.test(text) ? Number(text) : parseDuration(text);
      if (value === null) throw new TokenizeError(`'${text}' is not a number or a duration`, i);
      if (!Number.isSafeInteger(value)) throw new TokenizeError(`${text} is too large`, i);
      if (NAME.test(source.slice(i + text.length))) {
        throw new TokenizeError(`'${text}${NAME.exec(source.slice(i + text.length))![0]}' is not a number or a name`, i);
      }
      tokens.push({ kind: 'int', value, offset: i, text });
      i += text.length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref) {
      const fn = ref[1] as 'visits' | 'taken';
      if (!ref[3]) throw new TokenizeError(`${fn}() needs ${fn === 'visits' ? 'a scene id' : 'a choice id'}`, i);
      tokens.push({ kind: 'ref', fn, id: ref[3], idOffset: i + ref[1]!.length + ref[2]!.length, offset: i, text: ref[0] });
      i += ref[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], offset: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (op) {
      tokens.push({ kind: 'op', text: op, offset: i });
      i += op.length;
      continue;
    }
    const hint = rest[0] === '=' ? " (use '==' to compare)" : rest[0] === '&' || rest[0] === '|' ? " (use 'and' / 'or')" : '';
    throw new TokenizeError(`unexpected '${rest[0]}' in expression${hint}`, i);
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}
