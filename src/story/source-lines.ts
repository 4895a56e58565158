import type { SourcePos } from './types.js';

/** One physical line of a story file, with what the parsers need to point at it. */
export interface SourceLine {
  file: string;
  /** 1-based */
  number: number;
  /** columns of leading white space (a tab counts as one) */
  indent: number;
  /** the line without its leading and trailing white space */
  text: string;
}

// `//` after white space starts a comment to the end of the line; `http://` does not.
const TRAILING_COMMENT = /\s+\/\/.*$/;

function withoutTrailingComment(text: string): string {
  return text.startsWith('//') ? text : text.replace(TRAILING_COMMENT, '');
}

export function splitLines(file: string, source: string): SourceLine[] {
  return source.split(/\r?\n/).map((raw, index) => {
    const indent = raw.length - raw.trimStart().length;
    return { file, number: index + 1, indent, text: withoutTrailingComment(raw.trim()) };
  });
}

/** The position of `offset` characters into the line's trimmed text. */
export function posIn(line: SourceLine, offset = 0): SourcePos {
  return { file: line.file, line: line.number, col: line.indent + offset + 1 };
}

export function isBlank(line: SourceLine): boolean {
  return line.text === '';
}

export function isComment(line: SourceLine): boolean {
  return line.text.startsWith('//');
}

/**
 * The lines after `start` that belong to it by indentation: every following line that is
 * blank, a comment, or indented deeper than `start`. Trailing blank lines are left out.
 */
export function indentedBody(lines: SourceLine[], start: number): SourceLine[] {
  const owner = lines[start]!;
  let end = start + 1;
  let lastContent = start;
  while (end < lines.length) {
    const line = lines[end]!;
    if (isBlank(line) || isComment(line)) {
      end++;
      continue;
    }
    if (line.indent <= owner.indent) break;
    lastContent = end;
    end++;
  }
  return lines.slice(start + 1, lastContent + 1);
}
