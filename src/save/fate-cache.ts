import { rmSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import type { Story } from '../story/types.js';
import { storyFingerprint } from '../story/story-fingerprint.js';
import { writeAtomic } from './atomic-file.js';
import { appFolder } from './data-dir.js';
import { MAX_SAVE_BYTES, readRegularFile } from './read-regular-file.js';

/**
 * The ending screen's "N% of the ways this week can go end here" must never wait for an
 * exploration that can take minutes. So the numbers live in a small file per story, keyed
 * by the story's fingerprint (any edit makes a new key) and the game's version (an engine
 * change can change the numbers): reading is one small synchronous read, and a missing
 * file simply means no line. The file is written by `pusher check --fates`, by
 * `scripts/warm-fates.js`, and at first need by a low-priority background process.
 */
export interface FateCacheEntry {
  version: string;
  fingerprint: string;
  story: string;
  /** false when the story had more states than the limit: there are no numbers, and no point trying again */
  complete: boolean;
  /** per ending: its share of all routes, in [0, 1] */
  shares: Record<string, number>;
  /** per ending: the chance a random player ends there, as a percentage */
  percents: Record<string, number>;
  /** per ending: routes, as a decimal string */
  routes: Record<string, string>;
  /**
   * for a story too big to count: the share of seeded random weeks ending at each ending,
   * so the screen can still say something true ("about N% of weeks played at random")
   */
  sampled?: { runs: number; seed: number; shares: Record<string, number> };
}

export interface FateCacheOptions {
  /** the environment to read PUSHER_HOME and XDG_CACHE_HOME from */
  env?: NodeJS.ProcessEnv;
}

/** The version the entries are written for: an engine change can change the numbers. */
export const FATE_CACHE_VERSION: string = packageJson.version;

/** `$PUSHER_HOME/cache` when PUSHER_HOME is set, else the platform's cache folder (XDG on Linux). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return appFolder('cache', env);
}

export function fateCachePath(story: Pick<Story, 'sources'>, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), 'fates', `${FATE_CACHE_VERSION}-${storyFingerprint(story)}.json`);
}

/** Stores an entry atomically, so a game reading at the same moment sees all or nothing. */
export function writeFateCacheEntry(
  story: Pick<Story, 'sources'>,
  entry: FateCacheEntry,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const path = fateCachePath(story, env);
  writeAtomic(path, `${JSON.stringify(entry)}\n`, { env });
  rmSync(`${path}.pending`, { force: true });
  return path;
}

// Read once per file per process: the screen may ask for several endings, and a game
// never changes its story.
const readCache = new Map<string, FateCacheEntry | null>();

/** The stored numbers for this story, or null when there are none yet (or they are unreadable). */
export function readFateCache(story: Story, options: FateCacheOptions = {}): FateCacheEntry | null {
  const path = fateCachePath(story, options.env);
  const known = readCache.get(path);
  if (known) return known;
  // A regular file of a few kilobytes: anything else in its place must not hang the ending screen.
  const read = readRegularFile(path, MAX_SAVE_BYTES);
  if (!read.ok) return null;
  let entry: FateCacheEntry | null = null;
  try {
    const data = JSON.parse(read.text) as FateCacheEntry | null;
    if (data?.fingerprint === storyFingerprint(story) && data.version === FATE_CACHE_VERSION) entry = data;
  } catch {
    entry = null;
  }
  // Only a hit is remembered: a background computation may land while the game is running.
  if (entry) readCache.set(path, entry);
  return entry;
}
