import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GameState } from '../../src/engine/game-state.js';
import { startGame } from '../../src/engine/start-game.js';
import { checkStory } from '../../src/tools/check-story.js';
import { exploreStates } from '../../src/tools/explore-states.js';
import { computeFates } from '../../src/tools/fates.js';
import { randomRuns } from '../../src/tools/random-runs.js';
import { stateKeyer } from '../../src/tools/state-key.js';
import { counterUse } from '../../src/tools/counters.js';
import { liveCounters, liveVariables } from '../../src/tools/live-variables.js';
import { buildStoryMap } from '../../src/tools/map-graph.js';
import { runCheck } from '../../src/cli/check-command.js';
import type { Story } from '../../src/story/types.js';
import { HEAD, storyOf } from '../story/helpers.js';

const EXAMPLES = new URL('../../docs/examples/', import.meta.url);
const sourceOf = (name: string) => readFileSync(new URL(`${name}.pusher`, EXAMPLES), 'utf8');
const example = (name: string): Story => storyOf(sourceOf(name), `${name}.pusher`);
const lines = (...text: string[]) => text.join('\n') + '\n';

describe('the example stories in docs/examples', () => {
  const names = readdirSync(EXAMPLES)
    .filter((file) => file.endsWith('.pusher'))
    .map((file) => file.replace(/\.pusher$/, ''));

  it('are at least four, each one file with no includes', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) expect(sourceOf(name)).not.toMatch(/^@include/m);
  });

  it.each(['once-only', 'visit-counts', 'tunnels', 'varied-text', 'meters'])(
    '%s is proved by check (every state walked) and plays to an ending on every random run',
    (name) => {
      const story = example(name);
      const { report } = checkStory(story, 200_000);
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ ok: true, proven: true, method: 'exhaustive' });
      const random = randomRuns(story, 300, 3);
      expect(random.stuck).toBe(0);
      expect(random.endings.reduce((sum, ending) => sum + ending.runs, 0)).toBe(300);
    },
  );
});

describe('counts are state only where read, and only up to the largest value compared', () => {
  const story = storyOf(
    HEAD +
      lines(
        '=== a',
        '* Round. [10m] -> a #round',
        '* Door. [10m] -> over #door',
        '  hidden unless visits(a) > 2',
        '=== ending over "Over"',
      ),
  );
  const at = (visits: number): GameState => {
    const state = startGame(story, { seed: 1 }).state;
    const counts = state.visits.slice();
    counts[story.sceneOrder.indexOf('a')] = visits;
    return { ...state, visits: counts };
  };

  it('a count read as `> 2` is state up to 3', () => {
    expect(counterUse(story).visits.get('a')).toBe(3);
    const key = stateKeyer(story);
    expect(key(at(3))).toBe(key(at(7)));
    expect(key(at(2))).not.toBe(key(at(3)));
    expect(key(at(1))).not.toBe(key(at(2)));
  });

  it('a count is left out of the key where nothing later reads it', () => {
    const visits = example('visit-counts');
    const live = liveCounters(visits);
    expect(live['bar']).toContain('@visits:bar');
    expect(live['street']).toContain('@visits:bar');
    // home only shows `taken(beer)` in prose: colour, not control, so not state
    expect(live['home']).toEqual([]);
    expect(live['closing']).toEqual([]);
  });

  it('a capped count keeps the walk small: the rounds merge once past the cap', () => {
    // 12 hours of 10-minute rounds: without the cap every visit count would be its own state.
    const walk = exploreStates(story, 100_000);
    expect(walk.complete).toBe(true);
    const clocks = 12 * 6;
    expect(walk.nodes.filter((node) => node.scene === 'a').length).toBeLessThanOrEqual(clocks + 3);
  });
});

describe('varied text is not state and not a chance outcome', () => {
  it('the walk, the routes and the odds are those of the same story with plain text', () => {
    const varied = example('varied-text');
    // Every varied part replaced by its first item.
    const plainSource = sourceOf('varied-text').replace(/\{[&!~]?([^{}|]*)(\|[^{}]*)?\}/g, (whole, first: string) =>
      whole.startsWith('{if') ? whole : first,
    );
    const plain = storyOf(plainSource, 'plain.pusher');
    const a = exploreStates(varied, 100_000);
    const b = exploreStates(plain, 100_000);
    expect(a.nodes.length).toBe(b.nodes.length);
    const fa = computeFates(varied, a);
    const fb = computeFates(plain, b);
    expect(fa.routes).toBe(fb.routes);
    expect(fa.endings.map((e) => [e.id, e.routes, e.probability])).toEqual(
      fb.endings.map((e) => [e.id, e.routes, e.probability]),
    );
    expect(a.nodes.every((node) => node.edges.every((edge) => edge.percents.length === 0))).toBe(true);
  });
});

describe('the merge analysis keeps only values read again', () => {
  it('a number only ever added to, and read by nothing, is not state', () => {
    const story = storyOf(
      HEAD.replace('@var debt', '@var n = 0 in 0..100\n@var debt') +
        lines('=== a', '* Round. [10m] -> a #round', '  ~ n += 1', '* Leave. [1h] -> over', '=== ending over "Over"'),
    );
    expect(liveVariables(story)['a']).not.toContain('n');
  });

  it('a value set before anything reads it is not state on the way in', () => {
    const story = storyOf(
      HEAD.replace('@var debt', '@var n = 0 in 0..100\n@var debt') +
        lines(
          '=== a',
          '* Round. [10m] -> a #round',
          '  ~ n += 1',
          '* Leave. [1h] -> b',
          '=== b',
          '~ n = 5',
          '* Pay. [1h] -> over',
          '  locked unless n > 3: No.',
          '=== ending over "Over"',
        ),
    );
    const live = liveVariables(story);
    expect(live['b']).toContain('n');
    expect(live['a']).not.toContain('n');
    const walk = exploreStates(story, 100_000);
    // 72 ten-minute rounds fit in the day: one state per clock at `a`, not one per count as well
    expect(walk.nodes.filter((node) => node.scene === 'a').length).toBeLessThanOrEqual(73);
  });
});

describe('check names the constructs, and the map draws them', () => {
  it('--json lists once-only choices, counts, tunnels with their depth, varied text and meters', () => {
    expect(checkStory(example('tunnels'), 100_000).report.constructs).toMatchObject({
      tunnels: ['phone', 'sleep'],
      returnDepth: 2,
    });
    expect(checkStory(example('once-only'), 100_000).report.constructs).toMatchObject({
      onceChoices: ['left', 'right', 'mattress'],
      takenChoices: ['left', 'right', 'mattress'],
    });
    expect(checkStory(example('visit-counts'), 100_000).report.constructs.visitCounts).toEqual([
      // compared with `== 1`, `< 3` and `>= 3`: 3 and above all read the same
      { scene: 'bar', stateUpTo: 3 },
    ]);
    expect(checkStory(example('varied-text'), 100_000).report.constructs.variedTexts).toEqual({
      sequence: 2,
      cycle: 1,
      once: 1,
      shuffle: 2,
    });
    expect(checkStory(example('meters'), 100_000).report.constructs.meters).toEqual({ money: 'rent', time: 'due' });
  });

  it('the map shows a tunnel call with where it goes on, and each return', () => {
    const map = buildStoryMap(example('tunnels'));
    expect(map.edges).toContainEqual({
      from: 'flat',
      to: 'phone',
      kind: 'choice',
      label: 'Wait for the phone. [30m] (tunnel, then flat)',
    });
    expect(map.edges).toContainEqual({ from: 'sleep_after', to: 'flat', kind: 'jump', label: '(return)' });
    expect(map.edges).toContainEqual({
      from: 'phone',
      to: 'shop_after_call',
      kind: 'choice',
      label: 'Let it ring. [5m] (return)',
    });
    const once = buildStoryMap(example('once-only'));
    expect(once.edges.find((edge) => edge.label.startsWith('Search the coat'))!.label).toMatch(/\(once\)$/);
  });
});

describe('one run tells every problem', () => {
  const run = (source: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'pusher-14-'));
    const path = join(dir, 'story.pusher');
    writeFileSync(path, source);
    const out: string[] = [];
    const err: string[] = [];
    const code = runCheck(path, { maxStates: 100_000 }, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, text: err.join('\n') + out.join('\n') };
  };

  it('a static problem and a dead end, both reported; dead ends grouped by scene with the branch named', () => {
    const { code, text } = run(
      HEAD.replace('@var debt', '@var cash = 0 in 0..10\n@var debt') +
        lines(
          '=== a',
          '* Risk. [1h] #risk',
          '  50% -> b',
          '  50% -> c',
          '* Wait. [1h] -> a #wait',
          '=== b',
          '* Pay. [1h] -> over #pay',
          '  locked unless cash > 0: Broke.',
          '=== c',
          '* Pay. [1h] -> over #pay_c',
          '  locked unless cash > 0: Broke.',
          '=== lost',
          '* Back. [1h] -> a',
          '=== ending over "Over"',
        ),
    );
    expect(code).toBe(2);
    expect(text).toContain("scene 'lost' is unreachable: nothing leads to it");
    expect(text).toMatch(
      /dead end: no choice is open in 'b' \([\d,]+ states\); shortest path: risk \(chance: 50% -> b\)/,
    );
    expect(text).toMatch(
      /dead end: no choice is open in 'c' \([\d,]+ states\); shortest path: risk \(chance: 50% -> c\)/,
    );
    // grouped: one report per scene, not one per state
    expect(text.match(/dead end: no choice is open in 'b'/g)).toHaveLength(1);
  });
});
