import type { SourcePos, Text, TextPart, VaryMode } from './types.js';
import { ExpressionError, parseExpression } from './expression/parse-expression.js';
import { MAX_TEXT_DEPTH } from './limits.js';

/** Characters a `\\` makes literal in prose: `\\{`, `\\}`, `\\|`, `\\\\`. */
const ESCAPABLE = new Set(['{', '}', '|', '\\']);

export function isEscape(source: string, at: number): boolean {
  return source[at] === '\\' && ESCAPABLE.has(source[at + 1] ?? '');
}

const VARY_MARKS: Record<string, VaryMode> = { '&': 'cycle', '!': 'once', '~': 'shuffle' };

/** Finds the `}` closing the `{` at `open`, honouring nesting; -1 if none. */
function findClosingBrace(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (isEscape(source, i)) i++;
    else if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** A colon inside a time of day (`14:00`) separates nothing. */
export function isTimeColon(source: string, at: number): boolean {
  return source[at] === ':' && /\d/.test(source[at - 1] ?? '') && /\d/.test(source[at + 1] ?? '');
}

/** The first colon that is not part of a time of day, or -1. */
export function conditionColon(source: string): number {
  for (let i = 0; i < source.length; i++) if (source[i] === ':' && !isTimeColon(source, i)) return i;
  return -1;
}

/** Splits on `separator` where it is not inside braces. Returns the offsets of each piece. */
function splitTopLevel(source: string, separator: string): Array<{ text: string; offset: number }> {
  const pieces: Array<{ text: string; offset: number }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (isEscape(source, i)) i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === separator && depth === 0 && !isTimeColon(source, i)) {
      pieces.push({ text: source.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  pieces.push({ text: source.slice(start), offset: start });
  return pieces;
}

/**
 * Parses prose with `{expr}` and `{if cond: then|else}` into parts. `at` is where
 * `source` starts in the file; errors carry exact columns.
 */
export function parseText(source: string, at: SourcePos, depth = 0): Text {
  const posOf = (offset: number): SourcePos => ({ file: at.file, line: at.line, col: at.col + offset });
  const parts: TextPart[] = [];
  let literal = '';
  const flush = () => {
    if (literal) parts.push({ kind: 'lit', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (isEscape(source, i)) {
      literal += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '}') throw new ExpressionError("unmatched '}'", posOf(i));
    if (c !== '{') {
      literal += c;
      i++;
      continue;
    }
    const close = findClosingBrace(source, i);
    if (close < 0) throw new ExpressionError("unclosed '{'", posOf(i));
    flush();
    const inner = source.slice(i + 1, close);
    const innerAt = i + 1;
    const conditional = /^(\s*)if\s/.exec(inner);
    if (conditional) {
      if (depth >= MAX_TEXT_DEPTH) throw new ExpressionError(`conditional text nests at most ${MAX_TEXT_DEPTH} deep`, posOf(i));
      const colon = splitTopLevel(inner, ':');
      if (colon.length < 2) throw new ExpressionError("conditional text needs ':' after its condition", posOf(i));
      const condText = colon[0]!.text.slice(conditional[0].length);
      const cond = parseExpression(condText, posOf(innerAt + conditional[0].length));
      const bodyOffset = colon[1]!.offset;
      const body = inner.slice(bodyOffset);
      const branches = splitTopLevel(body, '|');
      if (branches.length > 2) {
        throw new ExpressionError("conditional text takes at most one '|'", posOf(innerAt + bodyOffset + branches[2]!.offset - 1));
      }
      const [then, otherwise] = branches;
      parts.push({
        kind: 'cond',
        cond,
        // one space after the colon is layout: it is dropped, and positions step past it
        then: parseText(then!.text.replace(/^ /, ''), posOf(innerAt + bodyOffset + then!.offset + (then!.text.startsWith(' ') ? 1 : 0)), depth + 1),
        else: otherwise ? parseText(otherwise.text, posOf(innerAt + bodyOffset + otherwise.offset), depth + 1) : [],
      });
    } else if (VARY_MARKS[inner[0] ?? ''] || splitTopLevel(inner, '|').length > 1) {
      const mode = VARY_MARKS[inner[0]!] ?? 'sequence';
      const itemsAt = mode === 'sequence' ? 0 : 1;
      const items = splitTopLevel(inner.slice(itemsAt), '|').map((item) =>
        parseText(item.text, posOf(innerAt + itemsAt + item.offset)),
      );
      parts.push({ kind: 'vary', mode, items, key: inner });
    } else {
      if (inner.trim() === '') throw new ExpressionError("empty '{}'", posOf(i));
      parts.push({ kind: 'expr', expr: parseExpression(inner, posOf(innerAt)) });
    }
    i = close + 1;
  }
  flush();
  return parts;
}

/** The words of a text as an author wrote them, every branch included: for word counts. */
export function textWords(text: Text): string[] {
  const words: string[] = [];
  for (const part of text) {
    // pushed one by one: spreading a paragraph of a million words would overflow the stack
    if (part.kind === 'lit') {
      for (const word of part.text.split(/\s+/)) if (/[A-Za-z0-9]/.test(word)) words.push(word);
    } else if (part.kind === 'cond') {
      for (const word of textWords(part.then)) words.push(word);
      for (const word of textWords(part.else)) words.push(word);
    } else if (part.kind === 'vary') {
      for (const item of part.items) for (const word of textWords(item)) words.push(word);
    }
  }
  return words;
}
