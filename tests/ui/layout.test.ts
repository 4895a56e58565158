import { describe, expect, it } from 'vitest';
import { debugGrid, fitsLive, layoutFor, proseHeight } from '../../src/ui/layout.js';
import { proseLength, revealParagraphs } from '../../src/ui/reveal.js';

describe('layout', () => {
  it('keeps a reading width and names the narrow and tiny cases', () => {
    expect(layoutFor(200)).toEqual({ width: 80, narrow: false, tiny: false });
    expect(layoutFor(40)).toEqual({ width: 40, narrow: true, tiny: false });
    expect(layoutFor(20)).toEqual({ width: 20, narrow: true, tiny: true });
    expect(layoutFor(0).width).toBe(1);
  });

  it('fits the live frame below the terminal height, and always fits without one', () => {
    expect(fitsLive(20, { prose: 5, meters: 8, choices: 5, extra: 1 })).toBe(true);
    expect(fitsLive(19, { prose: 5, meters: 8, choices: 5, extra: 1 })).toBe(false);
    expect(fitsLive(Number.POSITIVE_INFINITY, { prose: 500, meters: 8, choices: 5, extra: 1 })).toBe(true);
    expect(proseHeight(['one two three', 'four'], 8)).toBe(2 + 1 + 1 + 1);
  });

  it('lays the debug values out in columns and says how many it had to leave out', () => {
    const entries = Array.from({ length: 60 }, (_, i) => `var_${i}=no`);
    const wide = debugGrid(entries, 118, 40);
    expect(wide.shown).toBe(60);
    expect(wide.height).toBeLessThan(20);
    const short = debugGrid(entries, 40, 8);
    expect(short.shown).toBeLessThan(60);
    expect(short.height).toBeLessThanOrEqual(8);
  });
});

describe('typewriter reveal', () => {
  const paragraphs = ['You owe a thousand kroner.', 'The jar is empty.'];

  it('counts the same number of characters at any width', () => {
    const total = proseLength(paragraphs);
    for (const width of [80, 20, 12]) {
      expect(revealParagraphs(paragraphs, width, total).map((lines) => lines.join(' '))).toEqual(paragraphs);
    }
  });

  it('cuts after the characters shown, keeping words on the lines they end on', () => {
    expect(revealParagraphs(paragraphs, 12, 11)).toEqual([['You owe a', 't']]);
    expect(revealParagraphs(paragraphs, 12, 10)).toEqual([['You owe a']]);
    expect(revealParagraphs(paragraphs, 80, 0)).toEqual([]);
  });
});
