import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cacheDir, fateCachePath, readFateCache } from '../../src/save/fate-cache.js';
import { readEndingLine, readEndingShare } from '../../src/play/ending-line.js';
import { writeFateCache } from '../../src/cli/write-fate-cache.js';
import { warmFateCacheInBackground } from '../../src/cli/warm-fates-in-background.js';
import { fatesOf } from '../../src/tools/fates.js';
import { storyOf } from '../story/helpers.js';
import { exactShippedFates } from '../../src/tools/shipped-fates.js';

const TINY = readFileSync(new URL('../fixtures/tiny.pusher', import.meta.url), 'utf8');

let home = '';
let env: NodeJS.ProcessEnv = {};
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'pusher-cache-'));
  env = { PUSHER_HOME: home, PUSHER_NO_FATE_WARMUP: '1' };
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the fate cache', () => {
  it('lives under PUSHER_HOME when it is set, else in the platform cache folder', () => {
    expect(cacheDir({ PUSHER_HOME: '/x/y' })).toBe(join('/x/y', 'cache'));
    expect(cacheDir({ XDG_CACHE_HOME: '/xdg' })).toMatch(/pusher/);
  });

  it('misses (null, no line) until the numbers are stored, then reads them', () => {
    const story = storyOf(TINY, 'a/tiny.pusher');
    expect(readEndingShare(story, 'beaten', { env })).toBeNull();
    writeFateCache(story, fatesOf(story, 100_000), env);
    expect(readEndingShare(story, 'out_of_time', { env })).toBeCloseTo(94002 / 116196, 5);
    expect(readEndingShare(story, 'beaten', { env })).toBeCloseTo(11097 / 116196, 5);
    expect(readEndingShare(story, 'no_such_ending', { env })).toBeNull();
  });

  it('is keyed by the story’s sources: an edit misses, a move does not', () => {
    const story = storyOf(TINY, 'b/tiny.pusher');
    writeFateCache(story, fatesOf(story, 100_000), env);
    const moved = storyOf(TINY, 'elsewhere/tiny.pusher');
    expect(readEndingShare(moved, 'beaten', { env })).not.toBeNull();
    const edited = storyOf(TINY.replace('Two hundred', 'Three hundred'), 'b/tiny.pusher');
    expect(fateCachePath(edited, env)).not.toBe(fateCachePath(story, env));
    expect(readEndingShare(edited, 'beaten', { env })).toBeNull();
  });

  it('records a story too big to count, so the line is omitted and nothing retries', () => {
    const story = storyOf(TINY.replace('Night Falls', 'Night Falls Hard'), 'c/tiny.pusher');
    writeFateCache(story, fatesOf(story, 2), env);
    expect(readFateCache(story, { env })).toMatchObject({ complete: false });
    expect(readEndingShare(story, 'beaten', { env })).toBeNull();
    expect(warmFateCacheInBackground(story, { ...env, PUSHER_NO_FATE_WARMUP: '' })).toBe(false);
  });

  it('ignores a damaged or foreign file', () => {
    const story = storyOf(TINY.replace('A Warning', 'A Last Warning'), 'd/tiny.pusher');
    const path = fateCachePath(story, env);
    writeFateCache(story, fatesOf(story, 100_000), env);
    const good = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, '{"fingerprint": "someone else');
    expect(readEndingShare(story, 'beaten', { env })).toBeNull();
    writeFileSync(path, JSON.stringify({ ...good, fingerprint: 'other' }));
    expect(readEndingShare(story, 'beaten', { env })).toBeNull();
    writeFileSync(path, JSON.stringify({ ...good, version: '0.0.0-older' }));
    expect(readEndingShare(story, 'beaten', { env })).toBeNull();
    writeFileSync(path, JSON.stringify(good));
    expect(readEndingShare(story, 'beaten', { env })).not.toBeNull();
  });

  it('is a pure read: looking up a missing line starts no background count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pusher-story-'));
    const file = join(dir, 'tiny.pusher');
    writeFileSync(file, TINY.replace('A Warning', 'A Read-Only Warning'));
    const story = storyOf(readFileSync(file, 'utf8'), file);
    const warmEnv = { PUSHER_HOME: home };
    expect(readEndingLine(story, 'beaten', { env: warmEnv })).toBeNull();
    expect(readEndingShare(story, 'beaten', { env: warmEnv })).toBeNull();
    expect(existsSync(`${fateCachePath(story, warmEnv)}.pending`)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  // Only meaningful with the CLI built (npm test builds first): without it nothing is ever started.
  it.skipIf(!existsSync('dist/pusher.cjs'))(
    'starts no background count when numbers are shipped beside the story',
    () => {
      const dir = join(home, 'shipped');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'tiny.pusher');
      const source = TINY.replace('Night Falls', 'Night Falls, Shipped');
      writeFileSync(file, source);
      const story = storyOf(source, file);
      writeFileSync(join(dir, 'tiny.fates'), JSON.stringify(exactShippedFates(story, fatesOf(story, 10_000)!)));
      const warmEnv = { PUSHER_HOME: home };
      expect(warmFateCacheInBackground(story, warmEnv)).toBe(false);
      expect(existsSync(`${fateCachePath(story, warmEnv)}.pending`)).toBe(false);
    },
  );

  it('starts no background work when told not to, or for a story not on disk', () => {
    const story = storyOf(TINY, 'not/on/disk.pusher');
    expect(warmFateCacheInBackground(story, env)).toBe(false);
    expect(warmFateCacheInBackground(story, { PUSHER_HOME: home })).toBe(false);
    expect(existsSync(`${fateCachePath(story, env)}.pending`)).toBe(false);
  });
});

describe('the ending line for a story too big to count', () => {
  it('says the sampled share of random weeks, as a sample, when exact numbers are missing', () => {
    const story = storyOf(TINY.replace('Night Falls', 'Night Falls, Sampled'), 'sampled/tiny.pusher');
    expect(readEndingLine(story, 'beaten', { env })).toBeNull();
    writeFateCache(story, null, env, { runs: 100, seed: 1, shares: { beaten: 0.3, out_of_time: 0.004 } });
    // 95% margins of 100 weeks: 1.96·√(0.3·0.7/100) = 8.98 points, 1.96·√(0.004·0.996/100) = 1.24.
    expect(readEndingLine(story, 'beaten', { env })).toBe('about 30% of random weeks end here, ± 9%');
    expect(readEndingLine(story, 'out_of_time', { env })).toBe('about under 1% of random weeks end here, ± 1.3%');
    expect(readEndingLine(story, 'spared', { env })).toBeNull();
  });
});

describe.skipIf(process.platform === 'win32')('a fate cache entry that is not a regular file', () => {
  it('is no entry, at once: a FIFO in its place never hangs the ending screen', () => {
    const story = storyOf(TINY.replace('A Warning', 'A Piped Warning'), 'fifo/tiny.pusher');
    const path = fateCachePath(story, env);
    mkdirSync(dirname(path), { recursive: true });
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    expect(readFateCache(story, { env })).toBeNull();
    expect(readEndingLine(story, 'beaten', { env })).toBeNull();
  });
});
