import type { SourcePos } from './types.js';
import { stripControl } from '../text/strip-control.js';
import { safeLine } from '../text/safe-text.js';

/** One thing wrong with a story, pointing at the spot an author must look at. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function problemAt(pos: SourcePos, message: string): Problem {
  return { file: pos.file, line: pos.line, col: pos.col, message };
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
}

// A quoted line is shown as a window of this many columns around the caret, and a message
// (which may quote the story) is cut to so many characters: one 2 MB line must not print
// megabytes of problems.
const SHOWN_COLUMNS = 100;
const MESSAGE_LENGTH = 300;
const linesOf = new WeakMap<Record<string, string>, Map<string, string[]>>();

/** The lines of a source, split once per set of sources however many problems point into it. */
function sourceLine(sources: Record<string, string>, file: string, line: number): string | undefined {
  let files = linesOf.get(sources);
  if (!files) linesOf.set(sources, (files = new Map()));
  let lines = files.get(file);
  if (!lines) {
    const text = sources[file];
    if (text === undefined) return undefined;
    files.set(file, (lines = text.split(/\r?\n/)));
  }
  return lines[line - 1];
}

/**
 * `file:line:col: message`, then the source line and a caret under the column,
 * the way compilers show it. Control characters in the source never reach the terminal,
 * and a long line is shown as the stretch around the caret.
 */
export function formatProblem(problem: Problem, sources: Record<string, string>): string {
  const head = `${safeLine(problem.file, 200)}:${problem.line}:${problem.col}: ${safeLine(problem.message, MESSAGE_LENGTH)}`;
  if (problem.line < 1 || !Object.prototype.hasOwnProperty.call(sources, problem.file)) return head;
  const line = sourceLine(sources, problem.file, problem.line);
  if (line === undefined) return head;
  // The window is cut from the raw line first, so a long line costs only its window.
  const from = Math.max(0, problem.col - 1 - SHOWN_COLUMNS / 2);
  const raw = line.slice(from, from + SHOWN_COLUMNS * 2);
  const clean = (text: string) => stripControl(text.replace(/\t/g, ' '));
  const shown = clean(raw);
  // The column counts the raw line; what is stripped before it must not push the caret right.
  const before = clean(raw.slice(0, Math.max(0, problem.col - 1 - from))).length;
  const start = Math.max(0, Math.min(before - SHOWN_COLUMNS / 2, shown.length - SHOWN_COLUMNS));
  const lead = from > 0 || start > 0 ? '…' : '';
  const tail = from + raw.length < line.length || start + SHOWN_COLUMNS < shown.length ? '…' : '';
  const window = lead + shown.slice(start, start + SHOWN_COLUMNS) + tail;
  const caretCol = Math.max(1, Math.min(before - start + lead.length + 1, window.length + 1));
  const gutter = String(problem.line);
  return [head, `  ${gutter} | ${window}`, `  ${' '.repeat(gutter.length)} | ${' '.repeat(caretCol - 1)}^`].join('\n');
}
