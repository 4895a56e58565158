import { parseStory, type ParseResult } from '../../src/story/parse-story.js';
import { formatProblem } from '../../src/story/problem.js';
import type { Story } from '../../src/story/types.js';

/** The directives every small fixture needs; scenes `a` (start) and `over` (ending) are up to the test. */
export const HEAD = [
  '@start a',
  '@clock Mon 08:00',
  '@timeout Mon 20:00 -> over',
  '@var debt = 100 in 0..1000',
  '@time deadline = Mon 12:00',
  '@meter money debt',
  '@meter time deadline',
  '',
].join('\n');

export function parseFiles(files: Record<string, string>, entry = 'main.pusher'): ParseResult {
  return parseStory(entry, (path) => (Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined));
}

/** Parses HEAD + body as main.pusher. */
export function parseBody(body: string, head = HEAD): ParseResult & { source: string } {
  const source = head + body;
  return { ...parseFiles({ 'main.pusher': source }), source };
}

/** A story that must parse cleanly; fails the test with every problem shown otherwise. */
export function storyOf(source: string, file = 'main.pusher'): Story {
  const result = parseFiles({ [file]: source }, file);
  if (!result.story) {
    throw new Error(`expected a clean story, got:\n${result.problems.map((p) => formatProblem(p, result.sources)).join('\n')}`);
  }
  return result.story;
}

/**
 * Where `token` sits in the source: the 1-based line of the only line containing `lineText`,
 * and the 1-based column of `token` within that line (its `nth` occurrence there).
 * Computed from the test's own text, independently of the parser.
 */
export function locate(source: string, lineText: string, token = lineText, nth = 1): { line: number; col: number } {
  const lines = source.split('\n');
  const matches = lines.map((text, i) => ({ text, i })).filter(({ text }) => text.includes(lineText));
  if (matches.length !== 1) throw new Error(`'${lineText}' is on ${matches.length} lines of the fixture, not one`);
  const { text, i } = matches[0]!;
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = text.indexOf(token, at + 1);
    if (at < 0) throw new Error(`'${token}' is not ${nth} times in line '${text}'`);
  }
  return { line: i + 1, col: at + 1 };
}

/** `file:line:col` for a token in the fixture. */
export function where(file: string, source: string, lineText: string, token = lineText, nth = 1): string {
  const { line, col } = locate(source, lineText, token, nth);
  return `${file}:${line}:${col}`;
}

export function positions(result: ParseResult): string[] {
  return result.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
}
