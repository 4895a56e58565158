import type { Story } from '../story/types.js';
import type { Exploration } from './explore-states.js';
import { sweepStates, type SweepOdds, type SweepOptions } from './sweep-states.js';
import { childrenFirstOrder } from './state-order.js';
import { formatFraction, fraction, fractionToNumber, fractionToPercent, type Fraction } from './fraction.js';
import { denominatorOf, multiplyDenominators, primeFactors, weightedSum, type OddsVector } from './odds-vector.js';
import { endingIds } from './story-stats.js';

/** How often one way out of the story is met. */
export interface Fate {
  /**
   * that a player choosing uniformly among the open choices ends here, chance weighted by
   * its odds; null when the report is not exact (then `percent` is within its errorBound)
   */
  probability: Fraction | null;
  /** the probability as a percentage: the nearest double, so a tiny chance is never 0 */
  percent: number;
  /** distinct routes (sequences of choices and chance outcomes) that end here */
  routes: bigint;
}

export interface EndingFate extends Fate {
  id: string;
  title: string;
}

export interface FateReport {
  endings: EndingFate[];
  /** runs that stop at a dead end: a story bug, zero in a proved story */
  stuck: Fate;
  /** every route through the story, all endings and dead ends together */
  routes: bigint;
  states: number;
  /** true when every probability is an exact fraction; route counts are always exact */
  exact: boolean;
  /** how far any `percent` may be from the truth, in percentage points (0 when exact) */
  errorBound: number;
}

const HUNDRED = primeFactors(100);

/** The odds of one way the chance draws of a move can fall: the product of its percentages over 100ⁿ. */
function oddsOf(percents: readonly number[]): { numerator: bigint; den: Map<number, number> } {
  let numerator = 1n;
  for (const percent of percents) numerator *= BigInt(percent);
  return { numerator, den: multiplyDenominators(...percents.map(() => HUNDRED)) };
}

/**
 * Exact fate statistics over a completely explored state graph, by dynamic programming
 * from the endings back: each node's odds and route counts are sums over its edges of its
 * children's, so the cost is linear in edges however many paths there are. Merged states
 * play the same from there on, so merging cannot change either number.
 */
export function computeFates(story: Story, exploration: Exploration): FateReport {
  if (!exploration.complete) throw new Error('fates need a complete exploration (raise --max-states)');
  const endings = endingIds(story);
  const slot = new Map(endings.map((id, i) => [id, i] as const));
  // One entry per ending, and a last one for dead ends.
  const width = endings.length + 1;
  const stuckSlot = endings.length;
  const odds: OddsVector[] = new Array<OddsVector>(exploration.nodes.length);
  const routes: bigint[][] = new Array<bigint[]>(exploration.nodes.length);

  for (const index of childrenFirstOrder(exploration.nodes)) {
    const node = exploration.nodes[index]!;
    const terminal = node.ending !== null ? slot.get(node.ending)! : node.edges.length === 0 ? stuckSlot : -1;
    const counts = new Array<bigint>(width).fill(0n);
    if (terminal >= 0) {
      const nums = new Array<bigint>(width).fill(0n);
      nums[terminal] = 1n;
      counts[terminal] = 1n;
      odds[index] = { den: new Map(), nums };
    } else {
      // The random player picks one of the open choices evenly; each choice's edges are its chance outcomes.
      const pickOne = primeFactors(new Set(node.edges.map((edge) => edge.choice)).size);
      odds[index] = weightedSum(
        width,
        node.edges.map((edge) => {
          const chance = oddsOf(edge.percents);
          return {
            numerator: chance.numerator,
            den: multiplyDenominators(chance.den, pickOne),
            vector: odds[edge.to]!,
          };
        }),
      );
      for (const edge of node.edges) {
        const child = routes[edge.to]!;
        for (let s = 0; s < width; s++) if (child[s] !== 0n) counts[s] = counts[s]! + child[s]!;
      }
    }
    routes[index] = counts;
  }

  const total = weightedSum(
    width,
    exploration.roots.map((root) => ({ ...oddsOf(root.percents), vector: odds[root.node]! })),
  );
  const den = denominatorOf(total);
  const totalRoutes = new Array<bigint>(width).fill(0n);
  for (const root of exploration.roots) routes[root.node]!.forEach((n, s) => (totalRoutes[s] = totalRoutes[s]! + n));
  const fateAt = (s: number): Fate => {
    const probability = fraction(total.nums[s]!, den);
    return { probability, percent: fractionToNumber(probability) * 100, routes: totalRoutes[s]! };
  };
  return {
    endings: endings.map((id, s) => ({ id, title: story.scenes[id]!.ending!.title, ...fateAt(s) })),
    stuck: fateAt(stuckSlot),
    routes: totalRoutes.reduce((sum, n) => sum + n, 0n),
    states: exploration.nodes.length,
    exact: true,
    errorBound: 0,
  };
}

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
