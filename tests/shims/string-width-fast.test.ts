import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stock from 'string-width';
import fast from '../../src/shims/string-width-fast.js';

// The bundle hands Ink this instead of string-width; it must give the same width for every
// input, or Ink would lay out and cut lines differently.
const below = Array.from({ length: 0x2800 }, (_, i) => String.fromCodePoint(i)).filter(
  (ch) => !/\p{Surrogate}/u.test(ch),
);
const sequences = [
  '\u001b[1m',
  '\u001b[22m',
  '\u001b[2m',
  '\u001b[38;5;214m',
  '\u001b[m',
  '\u001b[',
  '\u001b[12345m',
  '\u001b[1;;2m',
  '\u001b]8;;x\u0007',
  '\u009b1m',
  'm',
  ';',
  '7',
];
const tricky = [
  '\u0300',
  '\u200d',
  '\ufe0f',
  '\u00ad',
  '\u3042',
  '\uff21',
  '\u1100',
  '\u2194',
  '\u2728',
  '\u203c',
  '😀',
  '🇩🇰',
  'é'.normalize('NFD'),
  '\u001b[1m',
  '\t',
  '\r\n',
];

describe('string-width shortcut (src/shims/string-width-fast.ts)', () => {
  it('the same width for every character below U+2800, alone, repeated and before a combining mark', () => {
    for (const ch of below) {
      for (const text of [ch, `a${ch}${ch}b`, `${ch}\u0301`, `${ch}\ufe0f`, `${ch}\u200d${ch}`])
        expect([text, fast(text)]).toEqual([text, stock(text)]);
    }
  });

  it('the same width with wide ambiguous characters and with escape codes counted', () => {
    for (const ch of below) {
      for (const options of [{ ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true }, {}])
        expect([ch, fast(`x${ch}`, options)]).toEqual([ch, stock(`x${ch}`, options)]);
    }
  });

  it('the same width for any mix of typical prose, symbols and escape codes, whole or broken', () => {
    const piece = fc.constantFrom(
      ...'Frank’s “debt” — 1,000 kr… ×½° ✦ ↑↓',
      ...tricky,
      ...sequences,
      ...below.slice(0x20, 0x300),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => fast(pieces.join('')) === stock(pieces.join(''))),
      { numRuns: 2000 },
    );
  });
});
