import type { Story } from '../story/types.js';
import { exploreStates, type Exploration } from './explore-states.js';
import { childrenFirstOrder } from './state-order.js';
import { addFractions, formatFraction, fraction, fractionToNumber, fractionToPercent, multiplyFractions, ONE, ZERO, type Fraction } from './fraction.js';
import { endingIds } from './story-stats.js';

/** How often one way out of the story is met. */
export interface Fate {
  /** that a player choosing uniformly among the open choices ends here, chance weighted by its odds */
  probability: Fraction;
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
}

/** Per node, one entry per ending and a last one for dead ends. */
interface Tally {
  probability: Fraction[];
  routes: bigint[];
}

const HUNDRED = 100n;

/** The odds of one way the chance draws of a move can fall: the product of its percentages. */
function oddsOf(percents: readonly number[]): Fraction {
  if (percents.length === 0) return ONE;
  let num = 1n;
  let den = 1n;
  for (const percent of percents) {
    num *= BigInt(percent);
    den *= HUNDRED;
  }
  return fraction(num, den);
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
  const width = endings.length + 1;
  const stuckSlot = endings.length;
  const tallies: Tally[] = new Array<Tally>(exploration.nodes.length);
  const blank = (): Tally => ({ probability: new Array<Fraction>(width).fill(ZERO), routes: new Array<bigint>(width).fill(0n) });

  for (const index of childrenFirstOrder(exploration.nodes)) {
    const node = exploration.nodes[index]!;
    const tally = blank();
    const terminal = node.ending !== null ? slot.get(node.ending)! : node.edges.length === 0 ? stuckSlot : -1;
    if (terminal >= 0) {
      tally.probability[terminal] = ONE;
      tally.routes[terminal] = 1n;
    } else {
      // The random player picks one of the open choices evenly; each choice's edges are its chance outcomes.
      const openChoices = new Set(node.edges.map((edge) => edge.choice)).size;
      const pickOne = fraction(1n, BigInt(openChoices));
      for (const edge of node.edges) {
        const child = tallies[edge.to]!;
        const weight = multiplyFractions(pickOne, oddsOf(edge.percents));
        for (let s = 0; s < width; s++) {
          if (child.routes[s] === 0n) continue;
          tally.probability[s] = addFractions(tally.probability[s]!, multiplyFractions(weight, child.probability[s]!));
          tally.routes[s] = tally.routes[s]! + child.routes[s]!;
        }
      }
    }
    tallies[index] = tally;
  }

  const total = blank();
  for (const root of exploration.roots) {
    const child = tallies[root.node]!;
    const weight = oddsOf(root.percents);
    for (let s = 0; s < width; s++) {
      total.probability[s] = addFractions(total.probability[s]!, multiplyFractions(weight, child.probability[s]!));
      total.routes[s] = total.routes[s]! + child.routes[s]!;
    }
  }
  const fateAt = (s: number): Fate => ({
    probability: total.probability[s]!,
    percent: fractionToNumber(total.probability[s]!) * 100,
    routes: total.routes[s]!,
  });
  return {
    endings: endings.map((id, s) => ({ id, title: story.scenes[id]!.ending!.title, ...fateAt(s) })),
    stuck: fateAt(stuckSlot),
    routes: total.routes.reduce((sum, n) => sum + n, 0n),
    states: exploration.nodes.length,
  };
}

/** Explores and computes fates; null when the story has more states than `maxStates`. */
export function fatesOf(story: Story, maxStates: number): FateReport | null {
  const exploration = exploreStates(story, maxStates);
  return exploration.complete ? computeFates(story, exploration) : null;
}

export interface FateJson {
  probability: string;
  numerator: string;
  denominator: string;
  percent: number;
  routes: string;
  /** this ending's share of all routes, as a percentage */
  routeShare: number;
}

/** The report as JSON-safe data: big integers as decimal strings, fractions as `n/d`. */
export function fatesToJson(report: FateReport) {
  const fateJson = (fate: Fate): FateJson => ({
    probability: formatFraction(fate.probability),
    numerator: fate.probability.num.toString(),
    denominator: fate.probability.den.toString(),
    percent: fate.percent,
    routes: fate.routes.toString(),
    routeShare: report.routes === 0n ? 0 : fractionToPercent(fraction(fate.routes, report.routes)),
  });
  return {
    states: report.states,
    routes: report.routes.toString(),
    endings: report.endings.map((ending) => ({ id: ending.id, title: ending.title, ...fateJson(ending) })),
    stuck: fateJson(report.stuck),
  };
}
