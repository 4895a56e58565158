// The bundles patch a few of Ink's dependencies at build time (scripts/bundle-options.js) to
// start faster. A patch must not change what the code does: each is bundled here exactly as
// the game's build does it and compared with the package as published.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import stock from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/bundle-options.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let bundled: { stringWidth: (text: string) => number };
let text = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pusher-patches-'));
  const entry = join(dir, 'entry.js');
  // what Ink imports, resolved as in the game: the shortcut, then the patched package
  writeFileSync(entry, "export { default as stringWidth } from 'string-width';\n");
  const outfile = join(dir, 'bundle.mjs');
  await build({
    ...bundleOptions(ROOT),
    entryPoints: [entry],
    outfile,
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'silent',
  });
  text = readFileSync(outfile, 'utf8');
  // every pattern the bundle builds with new RegExp while it loads
  const Real = RegExp;
  globalThis.RegExp = new Proxy(Real, {
    construct(target, args: [string | RegExp, string?]) {
      builtWhileLoading.push(String(args[0]));
      return new target(...args);
    },
  });
  try {
    bundled = (await import(pathToFileURL(outfile).href)) as typeof bundled;
  } finally {
    globalThis.RegExp = Real;
  }
}, 30_000);
const builtWhileLoading: string[] = [];

describe('string-width, bundled with the emoji pattern built on demand', () => {
  it('holds no RGI_Emoji regular expression literal (V8 builds one as it parses the script: 35 ms)', () => {
    expect(text).toContain('p{RGI_Emoji}');
    expect(text).not.toMatch(/\/\^\\p\{RGI_Emoji\}\$\/v/);
    expect(builtWhileLoading.length).toBeGreaterThan(0);
    expect(builtWhileLoading.filter((pattern) => pattern.includes('RGI_Emoji'))).toEqual([]);
  });

  it('gives the width the package gives, emoji and all', () => {
    const samples = [
      '😀',
      '👍🏽',
      '👨‍👩‍👧',
      '🇩🇰',
      '#️⃣',
      '1⃣',
      '☺',
      '☺️',
      '❤️‍🔥',
      '🏳️‍🌈',
      'é'.normalize('NFD'),
      'コンニチハ',
      '\u200d',
      'Frank — “Tonny” 😀 owes 50.000 kr.',
    ];
    for (const sample of samples) expect([sample, bundled.stringWidth(sample)]).toEqual([sample, stock(sample)]);
    const piece = fc.oneof(
      fc.constantFrom(...samples),
      fc.string({ maxLength: 4, unit: 'grapheme' }),
      fc.string({ maxLength: 4, unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const line = pieces.join('');
        expect(bundled.stringWidth(line)).toBe(stock(line));
      }),
      { numRuns: 2000 },
    );
  });
});
