import type { Story } from '../story/types.js';
import { sweepStates, type SweepOdds, type SweepOptions } from './sweep-states.js';
import { formatFraction, fraction, fractionToNumber, fractionToPercent } from './fraction.js';
import { endingIds } from './story-stats.js';
import type { Fate, FateReport } from './graph-fates.js';

export { computeFates, type EndingFate, type Fate, type FateReport } from './graph-fates.js';
export interface FatesOptions {
  /** false skips the exact fractions: faster; the report then gives doubles and an error bound */
  exact?: boolean;
  /** asked every 1,024 states: true gives up (the result is then null) */
  stop?: SweepOptions['stop'];
}

/**
 * Sweeps every state (sweep-states.ts), route counts and probabilities flowing forward to
 * the endings; null when the story has more than `maxStates` states or `stop` said so.
 */
export function fatesOf(story: Story, maxStates: number, options: FatesOptions = {}): FateReport | null {
  return sweepFates(story, maxStates, options).report;
}

/** fatesOf, saying how far the sweep went when it could not finish. */
export function sweepFates(
  story: Story,
  maxStates: number,
  options: FatesOptions = {},
): { report: FateReport | null; states: number } {
  const sweep = sweepStates(story, { maxStates, odds: true, exact: options.exact !== false, stop: options.stop });
  return {
    report: sweep.complete && sweep.odds ? reportOf(story, sweep.states, sweep.odds) : null,
    states: sweep.states,
  };
}

function reportOf(story: Story, states: number, odds: SweepOdds): FateReport {
  const fateAt = (slot: number): Fate => {
    const probability = odds.exact ? odds.exact[slot]! : null;
    return {
      probability,
      percent: (probability ? fractionToNumber(probability) : odds.approx[slot]!) * 100,
      routes: odds.routes[slot]!,
    };
  };
  const endings = endingIds(story);
  return {
    endings: endings.map((id, slot) => ({ id, title: story.scenes[id]!.ending!.title, ...fateAt(slot) })),
    stuck: fateAt(endings.length),
    routes: odds.routes.reduce((sum, n) => sum + n, 0n),
    states,
    exact: odds.exact !== null,
    errorBound: odds.exact ? 0 : odds.errorBound * 100,
  };
}

export interface FateJson {
  /** `n/d`, or null when the report is not exact */
  probability: string | null;
  numerator: string | null;
  denominator: string | null;
  percent: number;
  routes: string;
  /** this ending's share of all routes, as a percentage */
  routeShare: number;
}

/** The report as JSON-safe data: big integers as decimal strings, fractions as `n/d`. */
export function fatesToJson(report: FateReport) {
  const fateJson = (fate: Fate): FateJson => ({
    probability: fate.probability ? formatFraction(fate.probability) : null,
    numerator: fate.probability?.num.toString() ?? null,
    denominator: fate.probability?.den.toString() ?? null,
    percent: fate.percent,
    routes: fate.routes.toString(),
    routeShare: report.routes === 0n ? 0 : fractionToPercent(fraction(fate.routes, report.routes)),
  });
  return {
    states: report.states,
    exact: report.exact,
    /** percentage points any `percent` may be off by (0: exact fractions given) */
    errorBound: report.errorBound,
    routes: report.routes.toString(),
    endings: report.endings.map((ending) => ({ id: ending.id, title: ending.title, ...fateJson(ending) })),
    stuck: fateJson(report.stuck),
  };
}
