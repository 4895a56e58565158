import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stock from 'string-width';
import fast from '../../src/ui/string-width-fast.js';

// The bundle hands Ink this instead of string-width; it must give the same width for every
// input, or Ink would lay out and cut lines differently.
const below = Array.from({ length: 0x2600 }, (_, i) => String.fromCodePoint(i)).filter((ch) => !/\p{Surrogate}/u.test(ch));
const tricky = ['\u0300', '\u200d', '\ufe0f', '\u00ad', '\u3042', '\uff21', '\u1100', '\u2194', '\u2728', '\u203c', '😀', '🇩🇰', 'é'.normalize('NFD'), '\u001b[1m', '\t', '\r\n'];

describe('string-width shortcut (src/ui/string-width-fast.ts)', () => {
  it('the same width for every character below U+2600, alone, repeated and before a combining mark', () => {
    for (const ch of below) {
      for (const text of [ch, `a${ch}${ch}b`, `${ch}\u0301`, `${ch}\ufe0f`, `${ch}\u200d${ch}`]) expect([text, fast(text)]).toEqual([text, stock(text)]);
    }
  });

  it('the same width with wide ambiguous characters and with escape codes counted', () => {
    for (const ch of below) {
      for (const options of [{ ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true }, {}]) expect([ch, fast(`x${ch}`, options)]).toEqual([ch, stock(`x${ch}`, options)]);
    }
  });

  it('the same width for any mix of typical prose, symbols and escape codes', () => {
    const piece = fc.constantFrom(...'Frank’s “debt” — 1,000 kr… ×½°', ...tricky, ...below.slice(0x20, 0x300));
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => fast(pieces.join('')) === stock(pieces.join(''))), { numRuns: 2000 });
  });
});
