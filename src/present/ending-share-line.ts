// The ending screen's line about how often the week ends where this run did.
import { sampleMargin, type ShippedFates } from '../story/shipped-fates.js';

/** Whole percents, never a misleading 0% or 100%. */
function percentWords(share: number): string {
  const percent = share * 100;
  return percent > 0 && percent < 1
    ? 'under 1'
    : percent < 100 && percent > 99
      ? 'over 99'
      : String(Math.round(percent));
}

/** The ending screen's line for an exact share of routes. */
export function formatEndingShare(share: number): string {
  return `${percentWords(share)}% of the ways this week can go end here`;
}

/**
 * The ending screen's line for a story too big to count: a sampled share, said as one, with
 * its 95% margin in percentage points (one decimal, rounded up so it never understates).
 */
export function formatSampledShare(share: number, margin: number): string {
  const points = Math.ceil(margin * 1000) / 10;
  return `about ${percentWords(share)}% of random weeks end here, ± ${points}%`;
}

/** The ending screen's line from shipped numbers; null when the file says nothing of this ending. */
export function shippedEndingLine(fates: ShippedFates, endingId: string): string | null {
  const share = fates.shares[endingId];
  if (share === undefined) return null;
  if (fates.kind === 'exact') return formatEndingShare(share);
  return formatSampledShare(share, fates.margins?.[endingId] ?? sampleMargin(share, fates.runs ?? 1));
}
