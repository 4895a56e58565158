// The ending screen's line about how often the week ends where this run did.

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

/** The ending screen's line for a story too big to count: a sampled share, said as one. */
export function formatSampledShare(share: number): string {
  return `about ${percentWords(share)}% of weeks played at random end here`;
}
