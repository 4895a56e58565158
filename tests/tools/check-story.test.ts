import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkStory } from '../../src/tools/check-story.js';
import { generateStory } from '../../src/tools/generate-story.js';
import { parseStory } from '../../src/story/parse-story.js';
import { HEAD, locate, storyOf } from '../story/helpers.js';

const TINY_SOURCE = readFileSync(new URL('../fixtures/tiny.pusher', import.meta.url), 'utf8');
const TINY = storyOf(TINY_SOURCE, 'tiny.pusher');
const HEAD_CASH = `${HEAD}@var cash = 100 in 0..1000\n`;

describe('checkStory', () => {
  it('proves a good story: every ending reachable, no problems', () => {
    const { report } = checkStory(TINY, 100_000);
    expect(report.ok).toBe(true);
    expect(report.proven).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.scenes).toBe(7);
    expect(report.choices).toBe(5);
    expect(report.endings).toEqual([
      { id: 'beaten', title: 'Broken Fingers', reachable: true },
      { id: 'spared', title: 'A Warning', reachable: true },
      { id: 'out_of_time', title: 'Night Falls', reachable: true },
    ]);
    expect(report.states).toBeGreaterThan(1);
  });

  it('reports a reachable dead end at its scene, with the shortest path to it', () => {
    const source = `${HEAD_CASH}=== a
* Dawdle. [1h] -> a2 #dawdle
* Spend it all. [1h] -> b #spend
  ~ cash = 0
* Go. [1h] -> b #go
=== a2
* Spend later. [1h] -> b #spend_later
  ~ cash = 0
=== b
* Pay. [1h] -> over #pay
  locked unless cash > 0: Broke.
=== ending over "Over"
`;
    const { report } = checkStory(storyOf(source), 100_000);
    expect(report.ok).toBe(false);
    expect(report.proven).toBe(true);
    const deadEnds = report.problems.filter((p) => p.message.startsWith('dead end'));
    // one problem per scene: how many dead-end states it holds (one per clock) and the shortest path
    const at = locate(source, '=== b', 'b');
    expect(deadEnds).toEqual([
      { file: 'main.pusher', ...at, message: "dead end: no choice is open in 'b' (2 states); shortest path: spend" },
    ]);
  });

  it('reports a dead end at the start with "(at the start)"', () => {
    const source = `${HEAD_CASH}=== a
* Pay. [1h] -> over #pay
  locked unless cash > 500: Broke.
=== ending over "Over"
`;
    const { report } = checkStory(storyOf(source), 1000);
    expect(report.problems.map((p) => p.message)).toContain(
      "dead end: no choice is open in 'a'; shortest path: (at the start)",
    );
  });

  it('reports an ending never reached and a choice never available, with a path to its scene', () => {
    const source = `${HEAD_CASH}=== a
* Go. [1h] -> b #go
* Stop. [1h] -> over #stop
=== b
* Win. [1h] -> win #win
  locked unless cash > 999: Never.
* Back. [1h] -> over #back
=== ending win "Rich"
=== ending over "Over"
`;
    const { report } = checkStory(storyOf(source), 100_000);
    expect(report.ok).toBe(false);
    expect(report.proven).toBe(true);
    expect(report.problems).toEqual(
      [
        {
          file: 'main.pusher',
          ...locate(source, '* Win.', '*'),
          message: "choice 'win' is never available; its scene is reached by: go",
        },
        { file: 'main.pusher', ...locate(source, '=== ending win', 'win'), message: "ending 'win' is never reached" },
      ].sort((x, y) => x.line - y.line),
    );
    expect(report.endings).toEqual([
      { id: 'win', title: 'Rich', reachable: false },
      { id: 'over', title: 'Over', reachable: true },
    ]);
  });

  it('names chance outcomes on the path', () => {
    const source = `${HEAD_CASH}=== a
* Risk. [1h] #risk
  70% -> safe
  30% -> b
* Stop. [1h] -> over #stop
=== safe
* Stop. [1h] -> over #safe_stop
=== b
* Pay. [1h] -> over #pay
  locked unless cash > 500: Broke.
=== ending over "Over"
`;
    const { report } = checkStory(storyOf(source), 100_000);
    expect(report.problems.map((p) => p.message)).toContain(
      "dead end: no choice is open in 'b'; shortest path: risk (chance: 30% -> b)",
    );
  });

  it('reports an unproven result when the state limit is tiny', () => {
    const { report } = checkStory(TINY, 2);
    expect(report.proven).toBe(false);
    expect(report.ok).toBe(false);
    expect(report.states).toBeLessThanOrEqual(2);
    expect(report.problems).toContainEqual({
      file: 'tiny.pusher',
      line: 1,
      col: 1,
      message: 'unproven: stopped after 2 states (raise --max-states)',
    });
    // an unfinished search claims no ending unreachable
    expect(report.problems.some((p) => /never reached|never available/.test(p.message))).toBe(false);
  });

  it('counts words with each distinct paragraph once, every branch of conditional text, no interpolations', () => {
    const source = `${HEAD_CASH}=== a
One two three.

One two three.

{if cash > 1: four five|six} {cash} kroner.
* Go. [1h] -> b #go
  A choice has seven words in its body.
=== b
One two three.
-> over
=== ending over "Over"
Eight nine.
`;
    // 'One two three.' (3) once; 'four five six kroner.' (4); the choice body (8); 'Eight nine.' (2)
    const { report } = checkStory(storyOf(source), 1000);
    expect(report.words).toBe(3 + 4 + 8 + 2);
  });

  it('counts gates: choices closed in some reachable state and open in another', () => {
    const source = `${HEAD_CASH}@flag met
=== a
* Meet. [1h] -> a #meet
  hidden unless not met
  ~ met = true
* Secret. [1h] -> a #secret
  hidden unless met
* Never. [1h] -> over #never
  locked unless cash > 999: No.
* Always. [1h] -> over #always
=== ending over "Over"
`;
    const { report } = checkStory(storyOf(source), 100_000);
    // meet and secret are gates; never is never open, always is never closed
    expect(report.gates).toBe(2);
    expect(report.choices).toBe(4);
  });

  it('proves a generated story of ~150 scenes and 20 flags, every ending reachable', () => {
    const text = generateStory({ scenes: 150, flags: 20, seed: 1 });
    const parsed = parseStory('generated.pusher', (path) => (path === 'generated.pusher' ? text : undefined));
    expect(parsed.problems).toEqual([]);
    const story = parsed.story!;
    expect(story.sceneOrder.length).toBeGreaterThanOrEqual(140);
    expect(story.varOrder.filter((name) => story.vars[name]!.type === 'bool')).toHaveLength(20);
    const { report } = checkStory(story, 1_000_000);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.proven).toBe(true);
    expect(report.endings.length).toBeGreaterThanOrEqual(3);
    expect(report.endings.every((ending) => ending.reachable)).toBe(true);
  });

  it('generates the same text for the same options, and another for another seed', () => {
    const a = generateStory({ scenes: 60, flags: 5, seed: 1 });
    expect(generateStory({ scenes: 60, flags: 5, seed: 1 })).toBe(a);
    expect(generateStory({ scenes: 60, flags: 5, seed: 2 })).not.toBe(a);
  });
});
