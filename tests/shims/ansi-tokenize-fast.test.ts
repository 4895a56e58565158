import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Chalk } from 'chalk';
import * as stock from '@alcalzone/ansi-tokenize';
import * as fast from '../../src/shims/ansi-tokenize-fast.js';

// The bundle hands Ink these instead of @alcalzone/ansi-tokenize; they must give the same
// results for every input, or frames would differ.
const colour = new Chalk({ level: 3 });

/** Every code point the fast path takes, and its neighbours just outside the ranges. */
const RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x203b],
  [0x2190, 0x21ff],
  [0x2212, 0x2212],
  [0x2500, 0x259f],
  [0x2726, 0x2726],
];
const inside = RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
);
const outside = [
  '\u0300',
  '\u200d',
  '\ufe0f',
  '\u2028',
  '\u2029',
  '\u3042',
  '\uff21',
  '\u1100',
  '\u0301',
  '\r\n',
  '\t',
  '\u001b',
  '\u009b',
  '😀',
  '🇩🇰',
  'é'.normalize('NFD'),
  '\u203c',
  '\u2728',
  '\u00ad',
];

describe('Ink text shortcuts (src/shims/ansi-tokenize-fast.ts)', () => {
  it('tokenize: the same tokens for every character of the fast ranges, alone and between others', () => {
    for (const ch of inside) {
      for (const text of [ch, `a${ch}${ch}b`, `${ch}\u0301`, `${ch}\ufe0f`])
        expect(fast.tokenize(text)).toEqual(stock.tokenize(text));
    }
  });

  it('tokenize: the same tokens for random text, styled or not, with any cut-off', () => {
    // escape sequences as Ink's text holds them, compound, empty, odd and broken ones too
    const sgr = fc.constantFrom(
      '\u001b[1m',
      '\u001b[31m',
      '\u001b[39m',
      '\u001b[0m',
      '\u001b[m',
      '\u001b[;m',
      '\u001b[1;3;31m',
      '\u001b[38;2;1;2;3m',
      '\u001b[48;5;200m',
      '\u001b[99999m',
      '\u001b[',
      '\u001b[3',
      '\u001b]8;;x\u0007',
    );
    const piece = fc.oneof(fc.constantFrom(...inside), fc.constantFrom(...outside), sgr);
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.option(fc.integer({ min: 0, max: 45 })),
        fc.boolean(),
        (pieces, end, styled) => {
          const plain = pieces.join('');
          const text = styled ? colour.bold(plain.slice(0, 5)) + colour.red(plain.slice(5)) : plain;
          const cut = end ?? undefined;
          expect(fast.tokenize(text, cut)).toEqual(stock.tokenize(text, cut));
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('styledCharsToString: the same string for rows of mixed styles', () => {
    const styles = [
      (s: string) => s,
      colour.bold,
      colour.dim,
      colour.red,
      colour.bgBlue.white,
      colour.bold.dim,
      colour.underline.green,
      (s: string) => colour.italic(colour.yellow(s)),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...styles), fc.string({ maxLength: 6 })), { maxLength: 12 }),
        (parts) => {
          const line = parts.map(([style, text]) => style(text)).join('');
          const chars = stock.styledCharsFromTokens(stock.tokenize(line));
          expect(fast.styledCharsFromTokens(stock.tokenize(line))).toEqual(chars);
          expect(fast.styledCharsToString(chars)).toBe(stock.styledCharsToString(chars));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('tokenize: styled Latin text never reaches a grapheme segmenter (the first one costs start-up time)', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      const line =
        colour.bold('Frank — “Tonny”') +
        colour.dim.red(' owes 50.000 kr.') +
        '\u001b[38;2;1;2;3mRGB\u001b[1;3;31mx\u001b[m';
      expect(fast.tokenize(line)).toEqual(stock.tokenize(line));
      segment.mockClear();
      fast.tokenize(line);
      expect(segment).not.toHaveBeenCalled();
    } finally {
      segment.mockRestore();
    }
  });

  it('keeps the rest of the package as it is', () => {
    expect(fast.reduceAnsiCodes).toBe(stock.reduceAnsiCodes);
    expect(fast.diffAnsiCodes).toBe(stock.diffAnsiCodes);
  });
});
