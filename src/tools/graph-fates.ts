import type { Story } from '../story/types.js';
import type { Exploration } from './explore-states.js';
import { childrenFirstOrder } from './state-order.js';
import { fraction, fractionToNumber, type Fraction } from './fraction.js';
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
