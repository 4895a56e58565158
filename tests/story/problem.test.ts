import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/story/problem.js';
import { parseBody, locate } from './helpers.js';

const ESC = '\u001b';

describe('formatProblem', () => {
  it('shows file:line:col, the line, and a caret under the column', () => {
    const { problems, sources, source } = parseBody(['=== a', '* Drive out. [1h] -> hase_garage', '* Walk. [1h] -> hasse_garage', '=== hasse_garage', '-> over', '=== ending over "Over"', ''].join('\n'));
    expect(problems).toHaveLength(1);
    const { line, col } = locate(source, '* Drive out.', 'hase_garage');
    const text = formatProblem(problems[0]!, sources);
    const [head, shown, caret] = text.split('\n');
    expect(head).toBe(`main.pusher:${line}:${col}: unknown scene 'hase_garage' (did you mean 'hasse_garage'?)`);
    expect(shown).toBe(`  ${line} | * Drive out. [1h] -> hase_garage`);
    // the caret sits under the first letter of the bad target
    const bar = shown!.indexOf('|');
    expect(caret!.indexOf('|')).toBe(bar);
    expect(caret!.indexOf('^')).toBe(shown!.indexOf('hase_garage'));
    expect(text.split('\n')).toHaveLength(3);
  });

  it('keeps the caret right on indented lines and lines with tabs', () => {
    const problem = { file: 'f', line: 2, col: 4, message: 'here' };
    const text = formatProblem(problem, { f: 'first\n\t\t\tXmark' });
    const [, shown, caret] = text.split('\n');
    expect(caret!.indexOf('^')).toBe(shown!.indexOf('X'));
  });

  it('strips control characters and escape sequences from the line and the message', () => {
    const { problems, sources, source } = parseBody(['=== a', `Hello ${ESC}[31mRED${ESC}[0m ${ESC}]0;title\u0007{nope}.`, '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.col).toBe(locate(source, 'Hello', 'nope').col);
    const text = formatProblem(problems[0]!, sources);
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
    const [, shown, caret] = text.split('\n');
    expect(shown).toContain('Hello RED {nope}.');
    // the stripped sequences do not push the caret off its spot
    expect(caret!.indexOf('^')).toBe(shown!.indexOf('nope'));
  });

  it('strips control characters from a message quoting the story', () => {
    const text = formatProblem({ file: 'f', line: 1, col: 1, message: `unknown scene '${ESC}[2Jx'` }, { f: 'line' });
    expect(text).not.toContain(ESC);
    expect(text.split('\n')[0]).toBe("f:1:1: unknown scene 'x'");
  });

  it('shows only the head when the file or line is unknown', () => {
    expect(formatProblem({ file: 'gone', line: 3, col: 1, message: 'm' }, {})).toBe('gone:3:1: m');
    expect(formatProblem({ file: 'f', line: 9, col: 1, message: 'm' }, { f: 'one line' })).toBe('f:9:1: m');
    expect(formatProblem({ file: 'f', line: 0, col: 0, message: 'm' }, { f: 'one line' })).toBe('f:0:0: m');
  });

  it('clamps a caret past the end of the line to just after it', () => {
    const [, shown, caret] = formatProblem({ file: 'f', line: 1, col: 99, message: 'm' }, { f: 'abc' }).split('\n');
    expect(caret!.indexOf('^')).toBe(shown!.length);
  });
});
