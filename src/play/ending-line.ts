// What the ending screen says about how often the week ends here: read from the fate
// cache or the numbers shipped beside the story, never computed. A pure read; the
// background count is started by the command that starts a game, never from here.
import type { Story } from '../story/types.js';
import { sampleMargin } from '../story/shipped-fates.js';
import { formatEndingShare, formatSampledShare, shippedEndingLine } from '../present/ending-share-line.js';
import { readFateCache, type FateCacheOptions } from '../save/fate-cache.js';
import { readShippedFates } from '../save/shipped-fates-file.js';

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
 * The ending screen's line: an exact count in the cache first; then the numbers shipped
 * beside the story (exact, or a sample said as one); then the cache's own sample of seeded
 * random weeks, with its margin; null when nothing is known.
 */
export function readEndingLine(story: Story, endingId: string, options: FateCacheOptions = {}): string | null {
  const entry = readFateCache(story, options);
  if (entry?.complete) {
    const share = entry.shares[endingId];
    if (share !== undefined) return formatEndingShare(share);
  }
  const shipped = readShippedFates(story);
  if (shipped) return shippedEndingLine(shipped, endingId);
  const sampled = entry?.sampled;
  const share = sampled?.shares[endingId];
  return share === undefined ? null : formatSampledShare(share, sampleMargin(share, sampled!.runs));
}
