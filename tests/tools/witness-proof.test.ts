import { describe, expect, it } from 'vitest';
import { parseStory } from '../../src/story/parse-story.js';
import type { Story } from '../../src/story/types.js';
import { checkStory, scenesThatCouldDeadEnd } from '../../src/tools/check-story.js';
import { searchWitnesses } from '../../src/tools/witness-search.js';
import { replay } from '../../src/engine/replay.js';

function storyOf(source: string): Story {
  const parsed = parseStory('w.pusher', (path) => (path === 'w.pusher' ? source : undefined));
  expect(parsed.problems).toEqual([]);
  return parsed.story!;
}

// A counter that every loop bumps makes many states; the rare door needs a high count.
const BIG = `@start hub
@clock Mon 08:00
@timeout Sun 23:00 -> end_time
@var debt = 0 in 0..1000000
@time deadline = Sun 22:00
@var coins = 0 in 0..400
@var luck = 0 in 0..400
=== hub
You have {coins} coins.
* Work. [10m] -> hub
  ~ coins += 1
* Gamble. [10m] -> hub
  50% -> hub
  50% -> lucky
* Pray. [5m] -> hub
  ~ luck += 1
* Buy the door. [10m] -> door
  locked unless coins >= 3: Three coins.
* Give up. [1h] -> end_quit
=== lucky
~ luck += 2
-> hub
=== door
* Walk through. [10m] -> end_door
=== ending end_door "Through"
Done.
=== ending end_quit "Quit"
Done.
=== ending end_time "Out of Time"
Done.
`;

describe('proof by witnesses, for stories with too many states to walk', () => {
  it('stops the exhaustive walk and proves the rest by construction and replayable runs', () => {
    const story = storyOf(BIG);
    const { report } = checkStory(story, 500, { witnessWalks: 300, seed: 1 });
    expect(report.method).toBe('witnesses');
    expect(report.states).toBe(500);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.endings.every((ending) => ending.reachable)).toBe(true);
    // the lock on the door was seen both shut and open
    expect(report.gates).toBe(1);
  });

  it('without witness walks, the same limit is only "unproven"', () => {
    const { report } = checkStory(storyOf(BIG), 500);
    expect(report.method).toBe('exhaustive');
    expect(report.ok).toBe(false);
    expect(report.problems[0]!.message).toMatch(/^unproven/);
  });

  it('gives witnesses that replay: each recorded run really reaches what it shows', () => {
    const story = storyOf(BIG);
    const coverage = searchWitnesses(story, 200, 7);
    const door = coverage.scenes.get('door')!;
    expect(door).toBeDefined();
    const run = replay(story, door.choices, { seed: door.seed });
    expect(run.stoppedBecause).toBeNull();
    expect(Object.keys(run.steps.at(-1)!.state.visits)).toContain('door');
    const open = coverage.open.get('hub.buy_the_door')!;
    const atOpen = replay(story, open.choices, { seed: open.seed }).step.state;
    expect(atOpen.scene).toBe('hub');
    expect(atOpen.vars['coins']).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic for a seed', () => {
    const story = storyOf(BIG);
    const a = searchWitnesses(story, 100, 3);
    const b = searchWitnesses(story, 100, 3);
    expect([...a.scenes]).toEqual([...b.scenes]);
    expect([...a.open]).toEqual([...b.open]);
  });

  it('flags scenes where every choice has a condition: only they could dead-end', () => {
    const source = BIG.replace('=== door\n* Walk through. [10m] -> end_door', '=== door\n* Walk through. [10m] -> end_door\n  locked unless luck > 0: Not without luck.');
    const story = storyOf(source);
    expect(scenesThatCouldDeadEnd(story)).toEqual(['door']);
    const { report } = checkStory(story, 500, { witnessWalks: 300, seed: 1 });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/too many states to rule out a dead end in 'door'/));
  });

  it('reports what no run could reach, at its line', () => {
    const source = BIG.replace('* Give up. [1h] -> end_quit', '* Give up. [1h] -> end_quit\n* Fly. [1h] -> end_quit #fly\n  locked unless coins > 500: Never.');
    const { report } = checkStory(storyOf(source), 500, { witnessWalks: 200, seed: 1 });
    const fly = report.problems.find((p) => p.message.startsWith("choice 'fly' is never seen open"));
    expect(fly).toMatchObject({ file: 'w.pusher', line: source.split('\n').indexOf('* Fly. [1h] -> end_quit #fly') + 1, col: 1 });
  });
});
