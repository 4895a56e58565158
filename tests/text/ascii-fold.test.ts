import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { foldToAscii } from '../../src/text/ascii-fold.js';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/** What the game and its stories print: the UI's symbols, prose punctuation, letters, boxes. */
const PRINTED = [
  ...'╭─╮│╰╯┌┐└┘├┤┬┴┼═║█░▒▓›‹·—–−…‘’“”•●○✦↶↪↑↓←→×©°€£',
  ...'æøåÆØÅéèêëáàâäöüïçñßłœ',
  ...'漢字かな한국',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  'e\u0301',
  '\u00a0',
  '\u200b',
  ...'abc XYZ 019 ,.;:!?()[]{}-_=+/\\\'"',
];

describe('foldToAscii', () => {
  it('leaves ASCII as it is, escape sequences included', () => {
    const text = '\u001b[1mDebt\u001b[22m 1,000 kr\n';
    expect(foldToAscii(text)).toBe(text);
  });

  it("draws the game's own symbols in ASCII", () => {
    expect(foldToAscii('╭────╮')).toBe('+----+');
    expect(foldToAscii('│ Day 1 · Monday │')).toBe('| Day 1 | Monday |');
    expect(foldToAscii('█████░░░')).toBe('#####...');
    expect(foldToAscii('› 1) Count the jar. ✦new (5 m)')).toBe('> 1) Count the jar. *new (5 m)');
    expect(foldToAscii('THE END — Night Falls · Debt −5 m')).toBe('THE END - Night Falls | Debt -5 m');
    expect(foldToAscii('“Frank’s” café in Nørrebro, Århus')).toBe('"Frank\'s" cafe in Norrebro, Arhus');
  });

  it('gives only ASCII, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => ASCII.test(foldToAscii(text))),
      { numRuns: 100 },
    );
  });

  it('keeps every line as wide as it was, so a layout measured on the text still fits', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PRINTED), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(stringWidth(foldToAscii(text))).toBe(stringWidth(text));
      }),
    );
  });
});
