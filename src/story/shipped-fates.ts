import type { Story } from './types.js';
import { storyFingerprint } from './story-fingerprint.js';

/**
 * The fate numbers shipped beside a story (`story/main.fates`), written by `pusher check
 * --save-fates`, so the ending screen has its line from the first game on. Keyed by the
 * story's fingerprint: after any edit the file is ignored (and a test fails until it is
 * written again). Exact route shares when the whole story could be swept; otherwise the
 * shares of seeded random weeks, with a 95% margin, and the screen says it is a sample.
 */
export interface ShippedFates {
  format: 1;
  story: string;
  fingerprint: string;
  kind: 'exact' | 'sampled';
  /** per ending, in [0, 1]: its share of all routes (exact) or of the random weeks (sampled) */
  shares: Record<string, number>;
  /** exact: states swept, and routes per ending as decimal strings */
  states?: number;
  routes?: Record<string, string>;
  /** sampled: weeks played, their batch seed, and each share's 95% margin, in [0, 1] */
  runs?: number;
  seed?: number;
  margins?: Record<string, number>;
}

/**
 * The 95% margin of a share of `runs` independent weeks: 1.96 standard errors, or the rule
 * of three when no week (or every week) ended there.
 */
export function sampleMargin(share: number, runs: number): number {
  if (share === 0 || share === 1) return 3 / runs;
  return 1.96 * Math.sqrt((share * (1 - share)) / runs);
}

/** The file's numbers when they are well formed and belong to this very story; else null. */
export function parseShippedFates(text: string, story: Pick<Story, 'sources'>): ShippedFates | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const fates = data as Partial<ShippedFates>;
  if (fates.format !== 1 || (fates.kind !== 'exact' && fates.kind !== 'sampled')) return null;
  if (fates.fingerprint !== storyFingerprint(story)) return null;
  const isShare = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;
  if (typeof fates.shares !== 'object' || fates.shares === null || !Object.values(fates.shares).every(isShare))
    return null;
  if (fates.kind === 'sampled') {
    if (typeof fates.runs !== 'number' || fates.runs < 1) return null;
    if (typeof fates.margins !== 'object' || fates.margins === null || !Object.values(fates.margins).every(isShare))
      return null;
  }
  return fates as ShippedFates;
}
