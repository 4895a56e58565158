import type { FateReport } from './fates.js';

/**
 * The share of all routes through the story (sequences of choices and chance outcomes)
 * that end at `endingId`, in [0, 1]: what the ending screen reads as "N% of the ways this
 * week can go end here". Null when the story has no such ending or no routes at all.
 */
export function endingShare(report: Pick<FateReport, 'endings' | 'routes'>, endingId: string): number | null {
  const ending = report.endings.find((candidate) => candidate.id === endingId);
  if (!ending || report.routes === 0n) return null;
  // Scale before dividing: route counts pass 2^53 long before the share loses meaning.
  const parts = 1_000_000n;
  return Number((ending.routes * parts) / report.routes) / Number(parts);
}

/** Every ending's route share, for the cache the game reads at its end. */
export function endingShares(report: Pick<FateReport, 'endings' | 'routes'>): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const ending of report.endings) shares[ending.id] = endingShare(report, ending.id) ?? 0;
  return shares;
}

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
