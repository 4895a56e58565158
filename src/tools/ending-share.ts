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
