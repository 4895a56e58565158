import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cacheDir,
  fateCachePath,
  readEndingShare,
  readFateCache,
  warmFateCacheInBackground,
  writeFateCache,
} from '../../src/cli/fate-cache.js';
import { fatesOf } from '../../src/tools/fates.js';
import { storyOf } from '../story/helpers.js';

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
    expect(readEndingShare(story, 'beaten', { env, warm: false })).toBeNull();
    writeFateCache(story, fatesOf(story, 100_000), env);
    expect(readEndingShare(story, 'out_of_time', { env })).toBeCloseTo(94002 / 116196, 5);
    expect(readEndingShare(story, 'beaten', { env })).toBeCloseTo(11097 / 116196, 5);
    expect(readEndingShare(story, 'no_such_ending', { env })).toBeNull();
  });

  it('is keyed by the story’s sources: an edit misses, a move does not', () => {
    const story = storyOf(TINY, 'b/tiny.pusher');
    writeFateCache(story, fatesOf(story, 100_000), env);
    const moved = storyOf(TINY, 'elsewhere/tiny.pusher');
    expect(readEndingShare(moved, 'beaten', { env, warm: false })).not.toBeNull();
    const edited = storyOf(TINY.replace('Two hundred', 'Three hundred'), 'b/tiny.pusher');
    expect(fateCachePath(edited, env)).not.toBe(fateCachePath(story, env));
    expect(readEndingShare(edited, 'beaten', { env, warm: false })).toBeNull();
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
    expect(readEndingShare(story, 'beaten', { env, warm: false })).toBeNull();
    writeFileSync(path, JSON.stringify({ ...good, fingerprint: 'other' }));
    expect(readEndingShare(story, 'beaten', { env, warm: false })).toBeNull();
    writeFileSync(path, JSON.stringify({ ...good, version: '0.0.0-older' }));
    expect(readEndingShare(story, 'beaten', { env, warm: false })).toBeNull();
    writeFileSync(path, JSON.stringify(good));
    expect(readEndingShare(story, 'beaten', { env, warm: false })).not.toBeNull();
  });

  it('starts no background work when told not to, or for a story not on disk', () => {
    const story = storyOf(TINY, 'not/on/disk.pusher');
    expect(warmFateCacheInBackground(story, env)).toBe(false);
    expect(warmFateCacheInBackground(story, { PUSHER_HOME: home })).toBe(false);
    expect(existsSync(`${fateCachePath(story, env)}.pending`)).toBe(false);
  });
});

describe('the ending line for a story too big to count', () => {
  it('says the sampled share of random weeks, as a sample, when exact numbers are missing', async () => {
    const { readEndingLine } = await import('../../src/cli/fate-cache.js');
    const story = storyOf(TINY.replace('Night Falls', 'Night Falls, Sampled'), 'sampled/tiny.pusher');
    expect(readEndingLine(story, 'beaten', { env, warm: false })).toBeNull();
    writeFateCache(story, null, env, { runs: 100, seed: 1, shares: { beaten: 0.3, out_of_time: 0.004 } });
    // 95% margins of 100 weeks: 1.96·√(0.3·0.7/100) = 8.98 points, 1.96·√(0.004·0.996/100) = 1.24.
    expect(readEndingLine(story, 'beaten', { env, warm: false })).toBe('about 30% of random weeks end here, ± 9%');
    expect(readEndingLine(story, 'out_of_time', { env, warm: false })).toBe(
      'about under 1% of random weeks end here, ± 1.3%',
    );
    expect(readEndingLine(story, 'spared', { env, warm: false })).toBeNull();
  });
});
