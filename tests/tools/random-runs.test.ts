import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomRuns, playRandomGame, gameSeed } from '../../src/tools/random-runs.js';
import { replay } from '../../src/engine/index.js';
import { startGame } from '../../src/engine/start-game.js';
import { HEAD, storyOf } from '../story/helpers.js';

const TINY = storyOf(readFileSync(new URL('../fixtures/tiny.pusher', import.meta.url), 'utf8'), 'tiny.pusher');

describe('randomRuns', () => {
  it('is deterministic for a seed', () => {
    expect(randomRuns(TINY, 200, 7)).toEqual(randomRuns(TINY, 200, 7));
  });

  it('depends on the seed', () => {
    const coin = storyOf(`${HEAD}=== a
* Toss. [1h] #toss
  50% -> over
  50% -> other
=== ending other "Other"
=== ending over "Over"
`);
    const counts = [1, 2, 3, 4].map((seed) =>
      randomRuns(coin, 50, seed)
        .endings.map((e) => e.runs)
        .join(','),
    );
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it('accounts for every run: endings and stuck runs add up, shares are runs / total', () => {
    const report = randomRuns(TINY, 300, 3);
    expect(report.runs).toBe(300);
    expect(report.seed).toBe(3);
    expect(report.stuck).toBe(0);
    expect(report.endings.map((e) => e.id)).toEqual(['beaten', 'spared', 'out_of_time']);
    expect(report.endings.reduce((sum, e) => sum + e.runs, 0) + report.stuck).toBe(300);
    for (const ending of report.endings) expect(ending.share).toBeCloseTo(ending.runs / 300, 12);
    expect(report.endings.reduce((sum, e) => sum + e.share, 0)).toBeCloseTo(1, 12);
    expect(report.length.choices.min).toBeLessThanOrEqual(report.length.choices.median);
    expect(report.length.choices.median).toBeLessThanOrEqual(report.length.choices.max);
  });

  it('each run is a real, replayable game', () => {
    for (let i = 0; i < 20; i++) {
      const seed = gameSeed(5, i);
      const game = playRandomGame(TINY, seed);
      expect(game.stuck).toBe(false);
      const again = replay(TINY, game.state.taken, { seed, render: false });
      expect(again.stoppedBecause).toBeNull();
      expect(again.step.state).toEqual(game.state);
    }
  });

  it('hands each step its prose when asked, and plays the same game as without it', () => {
    for (let i = 0; i < 20; i++) {
      const seed = gameSeed(6, i);
      const read: string[] = [];
      const told = playRandomGame(TINY, seed, undefined, (paragraphs) => read.push(...paragraphs));
      expect(told.state).toEqual(playRandomGame(TINY, seed).state);
      // the opening first, the last step's prose last
      const opening = startGame(TINY, { seed }).paragraphs;
      const last = replay(TINY, told.state.taken, { seed }).step.paragraphs;
      expect(opening.length).toBeGreaterThan(0);
      expect(read.slice(0, opening.length)).toEqual(opening);
      expect(read.slice(read.length - last.length)).toEqual(last);
    }
  });

  it('counts runs stuck at a dead end', () => {
    const story = storyOf(`${HEAD}@var cash = 100 in 0..1000
=== a
* Spend it all. [1h] -> b #spend
  ~ cash = 0
* Stop. [1h] -> over #stop
=== b
* Pay. [1h] -> over #pay
  locked unless cash > 0: Broke.
=== ending over "Over"
`);
    const report = randomRuns(story, 100, 1);
    expect(report.stuck).toBeGreaterThan(0);
    expect(report.stuck).toBeLessThan(100);
    expect(report.endings.find((e) => e.id === 'over')!.runs).toBe(100 - report.stuck);
    expect(report.choicesNeverTaken).toEqual(['pay']);
  });
});
