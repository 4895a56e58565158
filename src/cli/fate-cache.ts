import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import type { Story } from '../story/types.js';
import type { FateReport } from '../tools/fates.js';
import { endingShares, formatEndingShare, formatSampledShare } from '../tools/ending-share.js';
import { storyFingerprint } from '../tools/story-fingerprint.js';
import { sampleMargin, shippedEndingLine } from '../tools/shipped-fates.js';
import { readShippedFates } from './shipped-fates-file.js';
import { writeAtomic } from '../save/atomic-file.js';
import { appFolder } from '../save/data-dir.js';

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
   * so the screen can still say something true ("about N% of random weeks end here, ± M%")
   */
  sampled?: { runs: number; seed: number; shares: Record<string, number> };
}

export interface FateCacheOptions {
  /** the environment to read PUSHER_HOME, XDG_CACHE_HOME and PUSHER_NO_FATE_WARMUP from */
  env?: NodeJS.ProcessEnv;
  /** start a background computation when the numbers are missing (default true) */
  warm?: boolean;
}

/** States a background computation may sweep before it records the story as too big. */
export const BACKGROUND_MAX_STATES = 100_000_000;
/** CPU time a background computation may spend before it records the story as too big. */
export const BACKGROUND_CPU_SECONDS = 60;
/** A background computation younger than this is taken to be still running. */
const PENDING_FOR_MS = 15 * 60 * 1000;

/** `$PUSHER_HOME/cache` when PUSHER_HOME is set, else the platform's cache folder (XDG on Linux). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return appFolder('cache', env);
}

export function fateCachePath(story: Pick<Story, 'sources'>, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), 'fates', `${packageJson.version}-${storyFingerprint(story)}.json`);
}

/** The cache entry for a computed report, or for a story too big to compute (`report` null). */
export function fateCacheEntry(
  story: Story,
  report: FateReport | null,
  sampled?: FateCacheEntry['sampled'],
): FateCacheEntry {
  const entry: FateCacheEntry = {
    version: packageJson.version,
    fingerprint: storyFingerprint(story),
    story: story.id,
    complete: report !== null,
    shares: {},
    percents: {},
    routes: {},
  };
  if (sampled) entry.sampled = sampled;
  if (report) {
    entry.shares = endingShares(report);
    for (const ending of report.endings) {
      entry.percents[ending.id] = ending.percent;
      entry.routes[ending.id] = ending.routes.toString();
    }
  }
  return entry;
}

/** Stores the numbers atomically, so a game reading at the same moment sees all or nothing. */
export function writeFateCache(
  story: Story,
  report: FateReport | null,
  env: NodeJS.ProcessEnv = process.env,
  sampled?: FateCacheEntry['sampled'],
): string {
  const path = fateCachePath(story, env);
  writeAtomic(path, `${JSON.stringify(fateCacheEntry(story, report, sampled))}\n`, { env });
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
  let entry: FateCacheEntry | null = null;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as FateCacheEntry;
    if (data.fingerprint === storyFingerprint(story) && data.version === packageJson.version) entry = data;
  } catch {
    entry = null;
  }
  // Only a hit is remembered: a background computation may land while the game is running.
  if (entry) readCache.set(path, entry);
  return entry;
}

/**
 * The share of all the ways through the story that end at `endingId`, in [0, 1], for the
 * ending screen; null when it is not known (yet), and then the screen shows no line.
 * Instant: it only reads the cache, starting the background computation on a miss.
 */
export function readEndingShare(story: Story, endingId: string, options: FateCacheOptions = {}): number | null {
  const entry = readFateCache(story, options);
  if (!entry) {
    if (options.warm !== false) warmFateCacheInBackground(story, options.env);
    return null;
  }
  if (!entry.complete) return null;
  return entry.shares[endingId] ?? null;
}

/**
 * The ending screen's line about this ending: the exact share of all the ways through the
 * story when it could be counted, else the share of seeded random weeks, said as such;
 * null when nothing is known yet (then the screen shows no line). Instant, like readEndingShare.
 */
export function readEndingLine(story: Story, endingId: string, options: FateCacheOptions = {}): string | null {
  // An exact count in the cache first; then the numbers shipped beside the story (then
  // there is nothing to compute in the background); then the cache's own sample.
  const cached = readFateCache(story, { ...options, warm: false });
  const shipped = cached?.complete ? null : readShippedFates(story);
  if (shipped) return shippedEndingLine(shipped, endingId);
  const exact = readEndingShare(story, endingId, options);
  if (exact !== null) return formatEndingShare(exact);
  const sampled = readFateCache(story, { ...options, warm: false })?.sampled;
  const share = sampled?.shares[endingId];
  return share === undefined ? null : formatSampledShare(share, sampleMargin(share, sampled!.runs));
}

/**
 * Starts computing this story's numbers in a detached, low-priority process, unless they
 * exist, one is already running, or PUSHER_NO_FATE_WARMUP is set. Call it when a game starts
 * so the numbers are ready by its end; returns whether a process was started.
 */
export function warmFateCacheInBackground(story: Story, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['PUSHER_NO_FATE_WARMUP']) return false;
  const path = fateCachePath(story, env);
  const entryFile = Object.keys(story.sources)[0];
  const bundle = cliBundlePath();
  if (!entryFile || !existsSync(entryFile) || !bundle || existsSync(path) || warming.has(path)) return false;
  if (isPending(`${path}.pending`)) return false;
  warming.add(path);
  try {
    writeAtomic(`${path}.pending`, String(process.pid), { env });
    const child = spawn(
      process.execPath,
      [bundle, 'warm-fates', entryFile, '--cpu-seconds', String(BACKGROUND_CPU_SECONDS)],
      {
        detached: true,
        stdio: 'ignore',
        env,
      },
    );
    child.on('error', () => undefined);
    child.unref();
    // A game must stay smooth while its numbers are worked out beside it.
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, 19);
      } catch {
        // not allowed here: it runs at normal priority
      }
    }
    return true;
  } catch {
    return false;
  }
}

const warming = new Set<string>();

function isPending(marker: string): boolean {
  try {
    return Date.now() - statSync(marker).mtimeMs < PENDING_FOR_MS;
  } catch {
    return false;
  }
}

/** The built CLI, found from the bundle (dist/, chunks included) or from the sources (src/cli/). */
function cliBundlePath(): string | null {
  for (const relative of ['./pusher.cjs', '../../dist/pusher.cjs']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}
