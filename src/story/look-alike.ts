// Lines that would be read as prose but look like a construct written wrong: a misspelt
// keyword, a decimal chance, a wait or an effect without its `~`. Each rule asks for the
// shape of the construct, not just a similar word, so real prose is left alone (the shipped
// story and the fixtures have no line any rule matches). A line meant as prose can always
// start with `\`.
import { parseExpression } from './expression/parse-expression.js';
import { parseDuration, parseWeekTime } from './week-time.js';
import { editDistance } from './did-you-mean.js';

export interface LookAlike {
  /** where in the line's text the problem starts */
  offset: number;
  message: string;
}

const PROSE_HINT = 'start the line with \\ if it is prose';

// Misspellings of the block keywords that are no English word a line of prose starts with.
const KEYWORD_MISSPELLINGS: Record<string, 'if' | 'elif' | 'else' | 'end'> = {
  iff: 'if',
  elsif: 'elif',
  elseif: 'elif',
  elsef: 'elif',
  eslif: 'elif',
  elfi: 'elif',
  esle: 'else',
  els: 'else',
  eles: 'else',
  elsee: 'else',
  endif: 'end',
  endi: 'end',
  edn: 'end',
  ned: 'end',
  ened: 'end',
  fi: 'end',
};
const COMPARISON = /(==|!=|<=|>=|<|>)|\b(and|or|not)\b/;

function parses(expression: string): boolean {
  try {
    parseExpression(expression, { file: '', line: 1, col: 1 });
    return true;
  } catch {
    return false;
  }
}

/** Why a line that would be prose looks like a construct, or null when it reads as prose. */
export function lookAlike(text: string): LookAlike | null {
  const decimal = /^(\d+[.,]\d+)\s*%\s*->/.exec(text);
  if (decimal) return { offset: 0, message: `a chance is a whole percentage, not ${decimal[1]}% (\`12% -> scene\`)` };

  const unless = /^([a-z]+)\s+([a-z]+)\b/.exec(text);
  if (unless && editDistance(unless[2]!, 'unless') <= 1) {
    const word = unless[1]!;
    const meant = ['hidden', 'locked'].find((keyword) => editDistance(word, keyword) <= 2);
    if (meant && `${word} ${unless[2]}` !== `${meant} unless`) {
      return { offset: 0, message: `'${word} ${unless[2]}' is not a condition (did you mean '${meant} unless'?); ${PROSE_HINT}` };
    }
  }

  const first = /^([A-Za-z]+)(?=\s|$)\s*(.*)$/.exec(text);
  if (first) {
    const [, word, rest] = first as unknown as [string, string, string];
    const lower = word.toLowerCase();
    // `If cash > 0`: a capital is caught only where a condition follows (`End` may be prose)
    const capital = word !== lower && (lower === 'if' || lower === 'elif');
    const meant = capital ? (lower as 'if' | 'elif') : word === lower ? KEYWORD_MISSPELLINGS[word] : undefined;
    // `if` and `elif` need a condition after them (a capital `If` one that compares, as prose
    // rarely does); `else` and `end` stand alone.
    const shaped =
      meant === 'if' || meant === 'elif' ? rest !== '' && parses(rest) && (!capital || COMPARISON.test(rest)) : rest === '';
    if (meant && shaped) {
      const why = capital ? 'keywords are lower case' : `'${word}' is not a keyword`;
      return { offset: 0, message: `${why} (did you mean '${meant}'?); ${PROSE_HINT}` };
    }
  }

  const arrow = /^(=>|→|-\s+>)\s*([A-Za-z_]\w*)$/.exec(text);
  if (arrow) return { offset: 0, message: `a jump reads \`-> ${arrow[2]}\` (did you mean '->'?)` };

  if (/^={1,2}(?!=)\s*(ending\s+)?[A-Za-z_]\w*(\s+"[^"]*")?\s*$/.test(text)) {
    return { offset: 0, message: 'a scene header starts with three: `=== scene_id`' };
  }

  const wait = /^wait\s+(until\s+)?(.+)$/.exec(text);
  if (wait && (wait[1] ? parseWeekTime(wait[2]!) !== null : parseDuration(wait[2]!.trim()) !== null)) {
    return { offset: 0, message: `an effect starts with \`~\` (did you mean '~ ${text}'?)` };
  }

  const effect = /^([A-Za-z_]\w*)\s*(\+=|-=)\s*(.+)$/.exec(text);
  if (effect && parses(effect[3]!)) return { offset: 0, message: `an effect starts with \`~\` (did you mean '~ ${text}'?)` };

  return null;
}
