import type { SourcePos } from './types.js';
import { stripControl } from '../text/strip-control.js';

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

/**
 * `file:line:col: message`, then the source line and a caret under the column,
 * the way compilers show it. Control characters in the source never reach the terminal.
 */
export function formatProblem(problem: Problem, sources: Record<string, string>): string {
  const head = `${stripControl(problem.file)}:${problem.line}:${problem.col}: ${stripControl(problem.message)}`;
  const text = sources[problem.file];
  if (text === undefined || problem.line < 1) return head;
  const line = text.split(/\r?\n/)[problem.line - 1];
  if (line === undefined) return head;
  const shown = stripControl(line.replace(/\t/g, ' '));
  const gutter = String(problem.line);
  // The column counts the raw line; what is stripped before it must not push the caret right.
  const before = stripControl(line.slice(0, Math.max(0, problem.col - 1)).replace(/\t/g, ' ')).length;
  const caretCol = Math.max(1, Math.min(before + 1, shown.length + 1));
  return [
    head,
    `  ${gutter} | ${shown}`,
    `  ${' '.repeat(gutter.length)} | ${' '.repeat(caretCol - 1)}^`,
  ].join('\n');
}
