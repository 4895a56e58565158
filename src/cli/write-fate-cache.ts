// Turns a fate report into the cache entry the ending screen reads, and stores it.
import type { Story } from '../story/types.js';
import type { FateReport } from '../tools/fates.js';
import { endingShares } from '../tools/ending-share.js';
import { storyFingerprint } from '../story/story-fingerprint.js';
import { FATE_CACHE_VERSION, writeFateCacheEntry, type FateCacheEntry } from '../save/fate-cache.js';

/** The cache entry for a computed report, or for a story too big to compute (`report` null). */
export function fateCacheEntry(
  story: Story,
  report: FateReport | null,
  sampled?: FateCacheEntry['sampled'],
): FateCacheEntry {
  const entry: FateCacheEntry = {
    version: FATE_CACHE_VERSION,
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

/** Stores the numbers for the ending screen (`report` null: the story is too big to count). */
export function writeFateCache(
  story: Story,
  report: FateReport | null,
  env: NodeJS.ProcessEnv = process.env,
  sampled?: FateCacheEntry['sampled'],
): string {
  return writeFateCacheEntry(story, fateCacheEntry(story, report, sampled), env);
}
