import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HEAD, storyOf } from '../story/helpers.js';
import { computeFates, fatesOf, fatesToJson, type FateReport } from '../../src/tools/fates.js';
import { exploreStates } from '../../src/tools/explore-states.js';
import { childrenFirstOrder } from '../../src/tools/state-order.js';
import { randomRuns } from '../../src/tools/random-runs.js';
import { formatFraction } from '../../src/tools/fraction.js';
import type { Story } from '../../src/story/types.js';

const ENDINGS =
  '\n=== ending end1 "One"\nYou end here.\n\n=== ending end2 "Two"\nYou end there.\n\n=== ending over "Over"\nTime is up.\n';

function fates(story: Story): FateReport {
  const report = fatesOf(story, 100_000);
  if (!report) throw new Error('exploration did not complete');
  return report;
}

function byId(report: FateReport) {
  return Object.fromEntries(report.endings.map((e) => [e.id, { p: formatFraction(e.probability!), routes: e.routes }]));
}

// Worked by hand. From b: Go (1/2) ends in One; Gamble (1/2) splits evenly, so b gives One
// 3/4 and Two 1/4, by 2 routes and 1. From a, each of three choices has 1/3:
//   One = 1/3·3/4 + 1/3·(1/4 + 3/4·3/4) = 25/48 by 2 + 1 + 2 = 5 routes
//   Two = 1/3·1/4 + 1/3 + 1/3·3/4·1/4   = 23/48 by 1 + 1 + 1 = 3 routes
const FORK = `${HEAD}
=== a
Three ways.
* Left. [1h] -> b
* Right. [1h] -> c
* Toss a coin. [1h]
  25% -> end1
  75% -> b

=== b
Two ways.
* Go. [1h] -> end1
* Gamble. [1h]
  50% -> end1
  50% -> end2

=== c
A short cut.
-> end2
${ENDINGS}`;

describe('computeFates: small stories worked by hand', () => {
  it('weights choices evenly and chance by its odds, and counts routes', () => {
    const report = fates(storyOf(FORK));
    expect(byId(report)).toEqual({
      end1: { p: '25/48', routes: 5n },
      end2: { p: '23/48', routes: 3n },
      over: { p: '0/1', routes: 0n },
    });
    expect(report.endings.find((e) => e.id === 'end1')!.percent).toBeCloseTo((25 / 48) * 100, 12);
    expect(report.routes).toBe(8n);
    expect(report.stuck.routes).toBe(0n);
  });

  it('weights a chance draw in the opening scene (the roots)', () => {
    const story = storyOf(`${HEAD}
=== a
Where do you wake?
10% -> b
90% -> c

=== b
* One way. [1h] -> end1
* Other way. [1h] -> end2

=== c
* Only way. [1h] -> end2
${ENDINGS}`);
    // One = 1/10 · 1/2 = 1/20; Two = 1/10 · 1/2 + 9/10 = 19/20.
    expect(byId(fates(story))).toMatchObject({ end1: { p: '1/20', routes: 1n }, end2: { p: '19/20', routes: 2n } });
  });

  it('counts a dead end as stuck', () => {
    const story = storyOf(`${HEAD}
=== a
* Try the door. [1h] -> b
* Give up. [1h] -> end1

=== b
* Pay him. [1h] -> end2
  locked unless debt < 50: You owe too much.
${ENDINGS}`);
    const report = fates(story);
    expect(formatFraction(report.stuck.probability!)).toBe('1/2');
    expect(report.stuck.routes).toBe(1n);
    expect(byId(report).end1).toEqual({ p: '1/2', routes: 1n });
  });

  it('sends the time-out its share when the clock runs out', () => {
    const story = storyOf(`${HEAD}
=== a
* Sleep it off. [12h] -> end1
* Walk. [6h] -> a
* Run. [13h] -> end2
${ENDINGS}`);
    // At 08:00 Sleep and Run pass 20:00, the time-out; Walk reaches 14:00, where all three do.
    expect(byId(fates(story))).toEqual({
      end1: { p: '0/1', routes: 0n },
      end2: { p: '0/1', routes: 0n },
      over: { p: '1/1', routes: 5n },
    });
  });

  it('refuses an exploration cut short', () => {
    const story = storyOf(FORK);
    expect(() => computeFates(story, exploreStates(story, 2))).toThrow(/complete/);
    expect(fatesOf(story, 2)).toBeNull();
  });

  it('gives JSON with big integers as strings', () => {
    const json = fatesToJson(fates(storyOf(FORK)));
    expect(json.routes).toBe('8');
    expect(json.endings[0]).toEqual({
      id: 'end1',
      title: 'One',
      probability: '25/48',
      numerator: '25',
      denominator: '48',
      percent: (25 / 48) * 100,
      routes: '5',
      routeShare: 62.5,
    });
    expect(() => JSON.stringify(json)).not.toThrow();
  });
});

describe('computeFates: a story with more than 10^30 routes', () => {
  // 120 layers, each two binary choices in a row, then a 30/70 draw: 4^120 routes to each ending.
  const LAYERS = 120;
  const lines = [HEAD.replace('Mon 20:00', 'Sun 20:00')];
  for (let i = 0; i < LAYERS; i++) {
    const next = i + 1 < LAYERS ? `s${i + 1}` : 'last';
    lines.push(`=== s${i}`.replace('s0', 'a'), 'Pick a side.', `* Left. [1m] -> t${i}`, `* Right. [1m] -> t${i}`, '');
    lines.push(`=== t${i}`, 'Pick a hand.', `* Up. [1m] -> ${next}`, `* Down. [1m] -> ${next}`, '');
  }
  lines.push('=== last', 'The coin.', '30% -> end1', '70% -> end2', ENDINGS);
  const story = storyOf(lines.join('\n'));

  it('counts the routes exactly and keeps the odds exact', () => {
    const report = fates(story);
    const each = 4n ** BigInt(LAYERS);
    expect(each > 10n ** 30n).toBe(true);
    expect(byId(report)).toMatchObject({ end1: { p: '3/10', routes: each }, end2: { p: '7/10', routes: each } });
    expect(report.routes).toBe(2n * each);
    expect(report.states).toBeLessThan(4 * LAYERS);
  });
});

describe('childrenFirstOrder', () => {
  it('puts every node after the nodes it leads to, even when indices run the other way', () => {
    const edge = (to: number) => ({ choice: 'x', percents: [], picks: [], to });
    const nodes = [{ edges: [edge(2), edge(1)] }, { edges: [] }, { edges: [edge(1)] }, { edges: [edge(0)] }];
    const order = childrenFirstOrder(nodes);
    const at = new Map(order.map((node, i) => [node, i]));
    expect(order.sort()).toEqual([0, 1, 2, 3]);
    nodes.forEach((node, from) => node.edges.forEach((e) => expect(at.get(e.to)!).toBeLessThan(at.get(from)!)));
  });

  it('throws on a cycle rather than giving wrong numbers', () => {
    const edge = (to: number) => ({ choice: 'x', percents: [], picks: [], to });
    expect(() => childrenFirstOrder([{ edges: [edge(1)] }, { edges: [edge(0)] }])).toThrow(/cycle/);
  });
});

describe('exact fates agree with random play', () => {
  // Within 4 standard errors of a binomial share: a false alarm about once in 16,000 runs of the suite.
  const agree = (story: Story, runs: number) => {
    const exact = fates(story);
    const sampled = randomRuns(story, runs, 7);
    for (const ending of exact.endings) {
      const p = ending.percent / 100;
      const share = sampled.endings.find((e) => e.id === ending.id)!.share;
      const standardError = Math.sqrt((p * (1 - p)) / runs);
      expect(Math.abs(share - p), `${ending.id}: sampled ${share}, exact ${p}`).toBeLessThanOrEqual(
        4 * standardError + 1e-12,
      );
    }
  };

  it('on a small forked story', () => agree(storyOf(FORK), 4000));

  it('on the documented example (tiny.pusher)', () => {
    const source = readFileSync(new URL('../fixtures/tiny.pusher', import.meta.url), 'utf8');
    agree(storyOf(source, 'tiny.pusher'), 3000);
  });
});

describe('primeFactors and weightedSum', () => {
  it('factor choice counts and add weighted vectors over a common denominator', async () => {
    const { primeFactors, weightedSum, denominatorOf } = await import('../../src/tools/odds-vector.js');
    expect([...primeFactors(100)]).toEqual([
      [2, 2],
      [5, 2],
    ]);
    expect([...primeFactors(23)]).toEqual([[23, 1]]);
    // 1/3 · (1/2, 1/2) + 1/4 · (1, 0) = (1/6 + 1/4, 1/6) = (5/12, 2/12)
    const half = { den: new Map([[2, 1]]), nums: [1n, 1n] };
    const one = { den: new Map<number, number>(), nums: [1n, 0n] };
    const sum = weightedSum(2, [
      { numerator: 1n, den: primeFactors(3), vector: half },
      { numerator: 1n, den: primeFactors(4), vector: one },
    ]);
    expect(denominatorOf(sum)).toBe(12n);
    expect(sum.nums).toEqual([5n, 2n]);
  });
});
