// Ink's text packages build grapheme segmenters as they load; the bundles get a stand-in
// (src/shims/lazy-segmenter.ts) that builds the real one on first use, because the first
// segmenter of a process costs 15 to 20 ms of start-up loading ICU data.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LazySegmenter } from '../../src/shims/lazy-segmenter.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const segments = (segmenter: { segment(input: string): Iterable<{ segment: string; index: number }> }, text: string) =>
  [...segmenter.segment(text)].map(({ segment, index }) => [segment, index]);

describe('LazySegmenter', () => {
  it('segments as Intl.Segmenter does, with the same arguments', () => {
    const text = 'Frank 🇩🇰 e\u0301 👨‍👩‍👧 “Tonny”. Milo waits.';
    const argsList: Array<ConstructorParameters<typeof Intl.Segmenter>> = [
      [],
      [undefined, { granularity: 'grapheme' }],
      ['en', { granularity: 'word' }],
      ['da', { granularity: 'sentence' }],
    ];
    for (const args of argsList) {
      const lazy = new LazySegmenter(...args);
      const real = new Intl.Segmenter(...args);
      expect(segments(lazy, text)).toEqual(segments(real, text));
      expect(lazy.resolvedOptions()).toEqual(real.resolvedOptions());
    }
    expect(LazySegmenter.supportedLocalesOf(['da', 'en'])).toEqual(Intl.Segmenter.supportedLocalesOf(['da', 'en']));
  });

  it('builds the real segmenter only when first used', () => {
    // bad options throw from Intl.Segmenter's constructor: here only once the segmenter is needed
    const lazy = new LazySegmenter('en', { granularity: 'bogus' as 'word' });
    expect(() => new Intl.Segmenter('en', { granularity: 'bogus' as 'word' })).toThrow(RangeError);
    expect(() => lazy.segment('x')).toThrow(RangeError);
  });

  it('leaves the built UI script building no segmenter as it loads', () => {
    const script = join(ROOT, 'dist/play-ink.cjs');
    if (!existsSync(script)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
    // a copy, so a rebuild while the suite runs cannot pull the file away
    const copy = join(mkdtempSync(join(tmpdir(), 'pusher-segmenter-')), 'play-ink.cjs');
    copyFileSync(script, copy);
    const count = `let built = 0; const Real = Intl.Segmenter;
      Intl.Segmenter = class extends Real { constructor(...a) { super(...a); built += 1; } };
      require(process.argv[1]);
      const afterLoad = built;
      new Intl.Segmenter();
      console.log(JSON.stringify([afterLoad, built]));`;
    const run = spawnSync(process.execPath, ['-e', count, copy], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(run.stderr).toBe('');
    // none while loading; the counter itself counts
    expect(JSON.parse(run.stdout)).toEqual([0, 1]);
  });
});
