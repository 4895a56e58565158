// What the ending screen says about how often the week ends here: read from the fate
// cache, never computed. A pure read; the background count is started by the command
// that starts a game, never from here.
import type { Story } from '../story/types.js';
import { formatEndingShare, formatSampledShare } from '../present/ending-share-line.js';
import { readFateCache, type FateCacheOptions } from '../save/fate-cache.js';

/**
 * The share of all the ways through the story that end at `endingId`, in [0, 1]; null when
 * it is not known (the numbers are not computed yet, or the story is too big to count).
 */
export function readEndingShare(story: Story, endingId: string, options: FateCacheOptions = {}): number | null {
  const entry = readFateCache(story, options);
  if (!entry?.complete) return null;
  return entry.shares[endingId] ?? null;
}

/**
 * The ending screen's line: the exact share of all the ways through the story when it could
 * be counted, else the share of seeded random weeks, said as such; null when nothing is known.
 */
export function readEndingLine(story: Story, endingId: string, options: FateCacheOptions = {}): string | null {
  const exact = readEndingShare(story, endingId, options);
  if (exact !== null) return formatEndingShare(exact);
  const share = readFateCache(story, options)?.sampled?.shares[endingId];
  return share === undefined ? null : formatSampledShare(share);
}
