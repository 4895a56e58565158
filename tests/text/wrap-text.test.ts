import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/text/wrap-text.js';

const words = fc.array(
  fc.oneof(
    fc.constantFrom(
      'Frank',
      'owes',
      'Milo',
      'sixty',
      'thousand',
      'kroner',
      '—',
      'Nørrebro',
      'café',
      'e\u0301',
      '漢字',
      '😀',
    ),
    fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom('a', 'b', 'ø', '字', '😀', 'e\u0301') }),
  ),
  { maxLength: 30 },
);
const spaces = fc.constantFrom(' ', '  ', '\n', '\t', ' \u00a0 ', '\u3000');

describe('wrapText', () => {
  it('wraps at word boundaries within the width', () => {
    expect(wrapText('You owe 1,000 kroner. It is Mon 08:00.', 12)).toEqual([
      'You owe',
      '1,000',
      'kroner. It',
      'is Mon',
      '08:00.',
    ]);
  });

  it('counts wide characters as two columns and marks as none', () => {
    expect(wrapText('漢字漢字 漢字', 8)).toEqual(['漢字漢字', '漢字']);
    expect(wrapText('cafe\u0301 cafe\u0301', 9)).toEqual(['cafe\u0301 cafe\u0301']);
    expect(wrapText('漢字漢字漢', 4)).toEqual(['漢字', '漢字', '漢']);
  });

  it('never cuts a character in two', () => {
    expect(wrapText('😀😀😀', 3)).toEqual(['😀', '😀', '😀']);
  });

  it('gives lines within the width that neither start nor end with a space, words kept in order', () => {
    fc.assert(
      fc.property(words, spaces, fc.integer({ min: 1, max: 40 }), (list, space, width) => {
        const lines = wrapText(list.join(space), width);
        for (const line of lines) {
          expect(line).not.toMatch(/^\s|\s$/);
          // one character wider than the line is the only way past it
          if (Array.from(line).length > 1) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        }
        expect(lines.join('').replace(/\s+/g, '')).toBe(list.join('').replace(/\s+/g, ''));
      }),
    );
  });
});
