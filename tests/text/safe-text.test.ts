import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutText, safeLine, safeText } from '../../src/text/safe-text.js';
import { formatProblem } from '../../src/story/problem.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const hostile = fc.string({
  unit: fc.constantFrom(
    'a',
    'é',
    '🚲',
    ' ',
    '\n',
    '\t',
    '\r',
    '\u001b',
    '[',
    ']',
    '0',
    ';',
    'm',
    '\u0007',
    '\u009b',
    '\u0000',
  ),
  maxLength: 300,
});

describe('safeText and safeLine', () => {
  it('keep newlines in output, and put names on one line, cut', () => {
    expect(safeText('a\u001b[2Jb\nc\u0007')).toBe('ab\nc');
    expect(safeLine('  Over\n\u001b]0;x\u0007 and   out ')).toBe('Over and out');
    expect(safeLine('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(cutText('🚲'.repeat(5), 3)).toBe('🚲🚲…');
  });

  it('property: a safe line has no control character, no newline, and at most max characters', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 100 }), (text, max) => {
        const line = safeLine(text, max);
        expect(line).not.toMatch(CONTROL);
        expect(line).not.toContain('\n');
        expect(Array.from(line).length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('property: safe text has no control character but the newline', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(safeText(text)).not.toMatch(CONTROL);
      }),
    );
  });
});

describe('a problem in a long line', () => {
  it('shows the stretch around the caret, not the whole line', () => {
    const line = `${'a'.repeat(1000)}XYZ${'b'.repeat(2_000_000)}`;
    const shown = formatProblem({ file: 'f', line: 1, col: 1001, message: `'${line}' is not a scene id` }, { f: line });
    const [head, quoted, caret] = shown.split('\n') as [string, string, string];
    expect(head.length).toBeLessThan(320);
    expect(quoted).toBe(`  1 | …${'a'.repeat(50)}XYZ${'b'.repeat(47)}…`);
    expect(caret.indexOf('^')).toBe(quoted.indexOf('X'));
  });

  it('property: any problem prints in bounded size with the caret under its column', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.nat(2100), (text, at) => {
        const line = text.replace(/[\r\n]/g, ' ');
        const col = (at % (line.length + 1)) + 1;
        const shown = formatProblem({ file: 'f', line: 1, col, message: line }, { f: line });
        expect(shown.length).toBeLessThan(800);
        expect(shown).not.toMatch(CONTROL);
      }),
    );
  });
});
