import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseStory, type ParseResult } from '../../src/story/parse-story.js';
import { formatProblem } from '../../src/story/problem.js';

const TINY = readFileSync(new URL('../fixtures/tiny.pusher', import.meta.url), 'utf8');
const TINY_LINES = TINY.split('\n');

/** Either a story and no problems, or no story and problems that each point inside a file read. */
function expectWellFormed(result: ParseResult): void {
  if (result.story) {
    expect(result.problems).toEqual([]);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    const text = result.sources[problem.file];
    expect(text, `problem in a file never read: ${problem.file}`).toBeDefined();
    const lines = text!.split(/\r?\n/);
    expect(Number.isInteger(problem.line) && Number.isInteger(problem.col)).toBe(true);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines.length);
    expect(problem.col).toBeGreaterThanOrEqual(1);
    expect(problem.col).toBeLessThanOrEqual(lines[problem.line - 1]!.length + 1);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    // formatting never throws and never lets a control character through
    // eslint-disable-next-line no-control-regex
    expect(formatProblem(problem, result.sources)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  }
}

const parseText = (text: string, extra: Record<string, string> = {}) => {
  const files: Record<string, string> = { 'main.pusher': text, ...extra };
  return parseStory('main.pusher', (path) => (Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined));
};

/** Characters that mean something in the format, plus a few that should mean nothing. */
const storyChar = fc.constantFrom(...'@=*~->%#{}|:[]()"\\/ \t\nabcdeifnlsu0123456789_.\u001b\u0000\u00e9');
const storyish = fc.string({ unit: storyChar, maxLength: 200 });
const keywordLine = fc.constantFrom(
  '=== a', '=== ending e "E"', '* x [1h] -> a', '* x [0m]', '  hidden unless', '  locked unless x:', 'if', 'elif', 'else', 'end',
  '~ debt += 1', '~ wait until Mon 09:00', '-> a', '50% -> a', '{if debt: a|b}', '@include main.pusher', '@on dawn', '@var x = 1 in 0..2',
  '@start a', '@timeout Mon 09:00 -> e', '{', '}', '\\if', '// c',
);

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; col: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'line'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), col: fc.nat(), text: fc.string({ unit: storyChar, minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), text: keywordLine }),
);

function mutate(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  if (out.length === 0) return out;
  const at = m.at % out.length;
  switch (m.kind) {
    case 'delete':
      out.splice(at, 1);
      break;
    case 'duplicate':
      out.splice(at, 0, out[at]!);
      break;
    case 'swap': {
      const other = m.with % out.length;
      [out[at], out[other]] = [out[other]!, out[at]!];
      break;
    }
    case 'insert': {
      const line = out[at]!;
      const col = m.col % (line.length + 1);
      out[at] = line.slice(0, col) + m.text + line.slice(col);
      break;
    }
    case 'truncate':
      out.splice(at);
      break;
    case 'line':
      out.splice(at, 0, m.text);
      break;
  }
  return out;
}

describe('parseStory never throws: a story or positioned problems', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(storyish, (text) => {
        expectWellFormed(parseText(text));
      }),
      { numRuns: 200 },
    );
  });

  it('on random lines made of the format keywords', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(keywordLine, storyish), { maxLength: 20 }), (lines) => {
        expectWellFormed(parseText(lines.join('\n')));
      }),
      { numRuns: 200 },
    );
  });

  it('on mutations of a valid story (delete, duplicate, swap lines, insert characters, truncate)', () => {
    expect(parseText(TINY).story).not.toBeNull();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const lines = mutations.reduce(mutate, TINY_LINES);
        expectWellFormed(parseText(lines.join('\n')));
      }),
      { numRuns: 200 },
    );
  });

  it('on mutations spread over included files', () => {
    const [head, rest] = [TINY_LINES.slice(0, 21), TINY_LINES.slice(21)];
    const main = [...head, '@include part.pusher'];
    expect(parseText(main.join('\n'), { 'part.pusher': rest.join('\n') }).story).not.toBeNull();
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 3 }), fc.array(mutation, { maxLength: 3 }), (forMain, forPart) => {
        const result = parseText(forMain.reduce(mutate, main).join('\n'), { 'part.pusher': forPart.reduce(mutate, rest).join('\n') });
        expectWellFormed(result);
      }),
      { numRuns: 200 },
    );
  });
});
