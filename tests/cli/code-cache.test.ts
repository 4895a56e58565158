// The Ink UI's V8 code cache (src/cli/code-cache.ts): written once, used by later starts,
// and never in the way: a corrupt or foreign cache only means compiling as before.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCachedScript } from '../../src/cli/code-cache.js';

// V8 keeps what it compiled for the life of the process, by source and file name, and then
// never looks at a cache: each start here runs the script from a folder of its own, as a
// new process would (the cache file's name and key depend on the file's name and text only).
let starts = 0;
function scriptIn(folder: string, body: string): string {
  const path = join(folder, `start-${++starts}`, 'ui.cjs');
  mkdirSync(join(path, '..'));
  writeFileSync(path, body);
  return path;
}

/** A folder where the script has started once and written its cache. */
function startedOnce(): { folder: string; cache: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'pusher-code-cache-'));
  const cache = join(folder, 'cache');
  runCachedScript(scriptIn(folder, BODY), cache).save();
  return { folder, cache, file: readdirSync(cache)[0]! };
}

const BODY =
  "const { join } = require('node:path'); module.exports = { answer: () => 42, here: join(__dirname, 'x') };";

describe('runCachedScript', () => {
  it('runs the script, writes its cache once, and the next start uses it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pusher-code-cache-'));
    const cache = join(folder, 'cache');
    const path = scriptIn(folder, BODY);
    const first = runCachedScript<{ answer(): number; here: string }>(path, cache);
    expect(first.fromCache).toBe(false);
    expect(first.exports.answer()).toBe(42);
    expect(first.exports.here).toBe(join(path, '..', 'x'));
    first.save();
    const [file] = readdirSync(cache);
    expect(file).toMatch(/^ui\.cjs\.[0-9a-f]{24}\.v8cache$/);
    const written = statSync(join(cache, file!)).mtimeMs;

    const second = runCachedScript<{ answer(): number }>(scriptIn(folder, BODY), cache);
    expect(second.fromCache).toBe(true);
    expect(second.exports.answer()).toBe(42);
    second.save(); // nothing to do: the cache is already good
    expect(statSync(join(cache, file!)).mtimeMs).toBe(written);
  });

  it('compiles as usual from a corrupt cache, and replaces it', () => {
    const { folder, cache, file } = startedOnce();
    writeFileSync(join(cache, file), 'not a code cache');
    const corrupt = runCachedScript<{ answer(): number }>(scriptIn(folder, BODY), cache);
    expect(corrupt.fromCache).toBe(false);
    expect(corrupt.exports.answer()).toBe(42);
    corrupt.save();
    expect(readFileSync(join(cache, file), 'latin1')).not.toBe('not a code cache');
    expect(runCachedScript(scriptIn(folder, BODY), cache).fromCache).toBe(true);
  });

  it('keys the cache by the script text: a new build gets a new cache, beside the old one', () => {
    const { folder, cache, file: old } = startedOnce();
    // the same length, so V8's own check (which looks at the length only) would not see it
    const rebuilt = runCachedScript<{ answer(): number }>(scriptIn(folder, BODY.replace('42', '43')), cache);
    expect(rebuilt.fromCache).toBe(false);
    expect(rebuilt.exports.answer()).toBe(43);
    rebuilt.save();
    expect(readdirSync(cache)).toHaveLength(2);
    // two installs sharing the folder each keep their cache: neither start compiles again
    expect(runCachedScript(scriptIn(folder, BODY), cache).fromCache).toBe(true);
    expect(runCachedScript(scriptIn(folder, BODY.replace('42', '43')), cache).fromCache).toBe(true);
    expect(readdirSync(cache)).toContain(old);
  });

  it('keeps only the newest three caches of a script', () => {
    const { folder, cache, file: first } = startedOnce();
    const written: string[] = [first];
    for (const answer of [43, 44, 45]) {
      utimesSync(
        join(cache, written.at(-1)!),
        new Date(Date.now() - 60_000 * (50 - answer)),
        new Date(Date.now() - 60_000 * (50 - answer)),
      );
      const before = new Set(readdirSync(cache));
      runCachedScript(scriptIn(folder, BODY.replace('42', String(answer))), cache).save();
      written.push(readdirSync(cache).find((file) => !before.has(file))!);
    }
    expect(readdirSync(cache).sort()).toEqual(written.slice(1).sort());
  });

  it('starts even when the cache folder cannot be written', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pusher-code-cache-'));
    const path = scriptIn(folder, BODY);
    writeFileSync(join(folder, 'file'), ''); // a file where the folder should be
    const run = runCachedScript<{ answer(): number }>(path, join(folder, 'file', 'cache'));
    expect(run.exports.answer()).toBe(42);
    expect(() => run.save()).not.toThrow();
  });

  it('reads a script as UTF-8 when it is not all ASCII, and from its cache the same', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pusher-code-cache-'));
    const cache = join(folder, 'cache');
    const body = "module.exports = { city: 'København', quote: '“Frank”' };";
    const first = runCachedScript<{ city: string; quote: string }>(scriptIn(folder, body), cache);
    expect(first.exports).toEqual({ city: 'København', quote: '“Frank”' });
    first.save();
    const second = runCachedScript<{ city: string; quote: string }>(scriptIn(folder, body), cache);
    expect(second.fromCache).toBe(true);
    expect(second.exports).toEqual({ city: 'København', quote: '“Frank”' });
  });
});
