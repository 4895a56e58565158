import { describe, expect, it } from 'vitest';
import { parseStory } from '../../src/story/parse-story.js';
import type { Story } from '../../src/story/types.js';
import { checkStory, scenesThatCouldDeadEnd } from '../../src/tools/check-story.js';
import { searchWitnesses } from '../../src/tools/witness-search.js';
import { replay } from '../../src/engine/replay.js';
import { scenesEntered } from '../../src/engine/scene-visits.js';
import { choicesOf, type Witness } from '../../src/tools/witness-run.js';
import { replayWitness } from '../../src/tools/replay-witness.js';
import { coverageTargets, emptyCoverage } from '../../src/tools/coverage.js';
import { smallestWitnessSet } from '../../src/tools/smallest-witness-set.js';

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
@meter money debt
@meter time deadline
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
    const run = replay(story, choicesOf(door), { seed: door.seed });
    expect(run.stoppedBecause).toBeNull();
    expect(scenesEntered(story, run.steps.at(-1)!.state)).toContain('door');
    const open = coverage.open.get('hub.buy_the_door')!;
    const atOpen = replay(story, choicesOf(open), { seed: open.seed }).step.state;
    expect(atOpen.scene).toBe('hub');
    expect(atOpen.vars['coins']).toBeGreaterThanOrEqual(3);
  });

  it("keeps its probes within the states it is given: the week's end, only a probe finds here, is missed with none", () => {
    const story = storyOf(BIG);
    expect(searchWitnesses(story, 300, 1).endings.has('end_time')).toBe(true);
    expect(searchWitnesses(story, 300, 1, { probeStates: 0 }).endings.has('end_time')).toBe(false);
    const { report } = checkStory(story, 500, { witnessWalks: 300, seed: 1, probeStates: 0 });
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^ending 'end_time' is not shown reachable by 300 guided runs/),
    ]);
  });

  it('stops walking once every scene, ending and open door is shown', () => {
    // a short week, so the walks reach its end without a probe
    const story = storyOf(
      BIG.replace('@timeout Sun 23:00', '@timeout Mon 11:00').replace(
        '@time deadline = Sun 22:00',
        '@time deadline = Mon 10:00',
      ),
    );
    const found = searchWitnesses(story, 5000, 1);
    expect(found.walks).toBeLessThan(5000);
    expect(found.walks % 100).toBe(0);
    expect(found.endings.size).toBe(3);
    // a door no run can open keeps it searching to the end
    const stuck = storyOf(
      BIG.replace(
        '* Give up. [1h] -> end_quit',
        '* Give up. [1h] -> end_quit\n* Fly. [1h] -> end_quit #fly\n  locked unless coins > 500: Never.',
      ),
    );
    expect(searchWitnesses(stuck, 400, 1, { probeStates: 0 }).walks).toBe(400);
  });

  it('is deterministic for a seed', () => {
    const story = storyOf(BIG);
    const a = searchWitnesses(story, 100, 3);
    const b = searchWitnesses(story, 100, 3);
    expect([...a.scenes]).toEqual([...b.scenes]);
    expect([...a.open]).toEqual([...b.open]);
  });

  it('flags scenes where every choice has a condition: only they could dead-end', () => {
    const source = BIG.replace(
      '=== door\n* Walk through. [10m] -> end_door',
      '=== door\n* Walk through. [10m] -> end_door\n  locked unless luck > 0: Not without luck.',
    );
    const story = storyOf(source);
    expect(scenesThatCouldDeadEnd(story)).toEqual(['door']);
    const { report } = checkStory(story, 500, { witnessWalks: 300, seed: 1 });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/too many states to rule out a dead end in 'door'/),
    );
  });

  it('reports what no run could reach, at its line', () => {
    const source = BIG.replace(
      '* Give up. [1h] -> end_quit',
      '* Give up. [1h] -> end_quit\n* Fly. [1h] -> end_quit #fly\n  locked unless coins > 500: Never.',
    );
    const { report } = checkStory(storyOf(source), 500, { witnessWalks: 200, seed: 1 });
    const fly = report.problems.find((p) => p.message.startsWith("choice 'fly' is never seen open"));
    expect(fly).toMatchObject({
      file: 'w.pusher',
      line: source.split('\n').indexOf('* Fly. [1h] -> end_quit #fly') + 1,
      col: 1,
    });
  });
});

describe('stored witnesses: runs replayed before any search', () => {
  const story = storyOf(BIG);
  const coverage = searchWitnesses(story, 300, 1);
  const stored = smallestWitnessSet(story, coverage);

  it('every witness, walked or probed, replays exactly and shows what it was credited with', () => {
    const targets = coverageTargets(coverage);
    expect(targets.size).toBeGreaterThan(10);
    // the probes' runs carry the chance branches they needed
    expect([...targets.values()].some((witness) => witness.moves.some((move) => move.picks.length > 0))).toBe(true);
    for (const [target, witness] of targets) {
      const seen = emptyCoverage();
      expect(replayWitness(story, witness, seen), target).toBe(true);
      expect(coverageTargets(seen).has(target), target).toBe(true);
    }
  });

  it('the smallest set shows everything the search showed, in far fewer runs', () => {
    const seen = emptyCoverage();
    for (const run of stored) expect(replayWitness(story, run, seen)).toBe(true);
    expect([...coverageTargets(seen).keys()].sort()).toEqual([...coverageTargets(coverage).keys()].sort());
    expect(stored.length).toBeLessThan(coverageTargets(coverage).size / 2);
  });

  it('prove the story alone: no walk, no search', () => {
    const { report, exploration } = checkStory(story, 500, { witnessWalks: 300, seed: 1, stored });
    expect(report).toMatchObject({
      ok: true,
      proven: true,
      method: 'witnesses',
      states: 0,
      walks: 0,
      replayed: stored.length,
      stale: 0,
      gates: 1,
    });
    expect(exploration).toBeNull();
  });

  it('are not trusted: a forged run that takes a shut door shows nothing past it', () => {
    const source = BIG.replace(
      '* Give up. [1h] -> end_quit',
      '* Give up. [1h] -> end_quit\n* Fly. [1h] -> end_quit #fly\n  locked unless coins > 500: Never.',
    );
    const locked = storyOf(source);
    const forged: Witness = { seed: 1, start: [], moves: [{ choice: 'fly', picks: [] }] };
    const { report } = checkStory(locked, 500, { witnessWalks: 100, seed: 1, stored: [forged, ...stored] });
    expect(report.ok).toBe(false);
    expect(report.stale).toBe(1);
    // the search could not open it either, so the walk was made (and stopped at its limit)
    expect(report.states).toBe(500);
    expect(report.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^choice 'fly' is never seen open/),
    );
  });

  it('that no longer fit an edited story count up to where they stop, and the search finds the rest', () => {
    const edited = storyOf(BIG.replace('* Pray. [5m] -> hub', '* Kneel. [5m] -> hub #pray'.replace('#pray', '#kneel')));
    const usedPray = stored.filter((run) => run.moves.some((move) => move.choice === 'hub.pray'));
    expect(usedPray.length).toBeGreaterThan(0);
    const { report, exploration } = checkStory(edited, 500, { witnessWalks: 300, seed: 1, stored });
    expect(report.stale).toBe(usedPray.length);
    expect(report.walks).toBeGreaterThan(0);
    expect(report.ok).toBe(true);
    // the search found the rest, so no walk was needed
    expect(exploration).toBeNull();
    expect(report.states).toBe(0);
  });

  it('a chance branch the story no longer has makes the run stale, not a crash', () => {
    const run: Witness = { seed: 1, start: [], moves: [{ choice: 'hub.gamble', picks: [7] }] };
    const seen = emptyCoverage();
    expect(replayWitness(story, run, seen)).toBe(false);
    expect(seen.scenes.has('hub')).toBe(true);
    expect(seen.scenes.has('lucky')).toBe(false);
  });
});
