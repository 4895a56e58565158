import { describe, expect, it } from 'vitest';
import { startGame, takeChoice, replay, visitCount, type GameState } from '../../src/engine/index.js';
import { storyOf } from '../story/helpers.js';

const EVENTS = `@start a
@clock Mon 08:00
@timeout Sun 20:00 -> over
@var debt = 100 in 0..100000
@var dawns = 0 in 0..100
@var wednesdays = 0 in 0..100
@var due = 0 in 0..100
@time deadline = Mon 12:00
@meter money debt
@meter time deadline
@on dawn
  ~ dawns += 1
  ~ debt += debt / 10
@on dawn when day == 3
  ~ wednesdays += 1
@on deadline
  ~ due += 1

=== a
* Hour. [1h] -> a #hour
* Day. [1d] -> a #day
* Three days. [3d] -> a #three
* Extend. [5m] -> a #extend
  ~ deadline += 1d
* Pull in. [5m] -> a #pull
  ~ deadline = clock - 1h
* Nap. [5m] -> nap #nap
=== nap
~ wait 1d
Awake: {dawns} dawns.
* Up. [1m] -> a #up
=== ending over "Over"
`;
const STORY = storyOf(EVENTS);

function play(ids: string[], seed = 1): GameState {
  const run = replay(STORY, ids, { seed });
  if (run.stoppedBecause) throw new Error(run.stoppedBecause);
  return run.step.state;
}

describe('@on dawn', () => {
  it('fires at every midnight the clock passes, none before', () => {
    expect(play(['hour']).vars['dawns']).toBe(0);
    expect(play(['day']).vars['dawns']).toBe(1);
    expect(play(['three']).vars['dawns']).toBe(3);
    expect(play(['day', 'day', 'hour']).vars['dawns']).toBe(2);
  });

  it('applies its effects once per midnight, in order', () => {
    // 100 -> 110 -> 121 -> 133 (rounded down each time)
    let expected = 100;
    for (let i = 0; i < 3; i++) expected += Math.floor(expected / 10);
    expect(play(['three']).vars['debt']).toBe(expected);
  });

  it('with `when day == 3` fires only at the midnight that begins Wednesday', () => {
    expect(play(['day']).vars['wednesdays']).toBe(0);
    expect(play(['day', 'day']).vars['wednesdays']).toBe(1);
    expect(play(['three', 'three']).vars['wednesdays']).toBe(1);
  });

  it('fires for time waited inside a scene, before its choices and its prose is shown after', () => {
    const run = replay(STORY, ['nap'], { seed: 1 });
    expect(run.step.state.scene).toBe('nap');
    expect(run.step.state.vars['dawns']).toBe(1);
    // the scene's prose was rendered before its events fired
    expect(run.step.paragraphs).toEqual(['Awake: 0 dawns.']);
  });
});

describe('@on deadline', () => {
  it('fires once when the clock reaches the deadline, not again while it stays', () => {
    const fourHours = ['hour', 'hour', 'hour'];
    expect(play(fourHours).vars['due']).toBe(0);
    const reached = play([...fourHours, 'hour']);
    expect(reached.vars['due']).toBe(1);
    expect(reached.deadlineFired).toBe(reached.vars['deadline']);
    expect(play([...fourHours, 'hour', 'hour', 'day']).vars['due']).toBe(1);
  });

  it('fires again when the deadline is moved later and reached again', () => {
    const state = play(['hour', 'hour', 'hour', 'hour', 'extend', 'day']);
    expect(state.vars['due']).toBe(2);
    const notYet = play(['hour', 'hour', 'hour', 'hour', 'extend', 'hour']);
    expect(notYet.vars['due']).toBe(1);
  });

  it('fires at once when the deadline is moved into the past', () => {
    const state = play(['pull']);
    expect(state.vars['due']).toBe(1);
    expect(state.vars['deadline']).toBeLessThan(state.clock);
  });
});

describe('event jumps', () => {
  const JUMPS = `@start a
@clock Mon 08:00
@timeout Mon 23:00 -> over
@var debt = 0 in 0..10
@var hits = 0 in 0..10
@time deadline = Mon 10:00
@meter money debt
@meter time deadline
@on deadline
  ~ hits += 1
  -> collector
@on dawn
  -> morning

=== a
* Go to b. [3h] -> b #to_b
* Jump in body. [3h] #body_jump
  -> b
* Small step. [1h] -> b #small
* Long wait. [15h] -> b #late
* Sleep past midnight. [20h] -> b #sleep
=== b
* Back. [1m] -> a #back
=== collector
Knock knock.
* Pay. [1m] -> a #pay
=== morning
* Rise. [1m] -> a #rise
=== ending over "Over"
`;
  const story = storyOf(JUMPS);
  const after = (id: string) => {
    const result = takeChoice(story, startGame(story, { seed: 1 }).state, id);
    if (!result.ok) throw new Error(result.reason);
    return result;
  };

  it("override the choice's own target and a jump in its body", () => {
    expect(after('small').state.scene).toBe('b');
    const step = after('to_b');
    expect(step.state.scene).toBe('collector');
    expect(step.state.vars['hits']).toBe(1);
    expect(visitCount(story, step.state, 'b')).toBe(0);
    expect(step.paragraphs).toEqual(['Knock knock.']);
    expect(after('body_jump').state.scene).toBe('collector');
  });

  it('@timeout outranks every other event', () => {
    const step = after('late');
    expect(step.state.ending).toBe('over');
    expect(step.state.scene).toBe('over');
    const slept = after('sleep');
    expect(slept.state.ending).toBe('over');
  });
});

describe('chance by seed', () => {
  const CHANCE = storyOf(`@start a
@clock Mon 08:00
@timeout Sun 20:00 -> over
@var debt = 0 in 0..10
@var heads = 0 in 0..1000
@var tails = 0 in 0..1000
@time deadline = Sun 12:00
@meter money debt
@meter time deadline
=== a
* Flip. [1m] #flip
  50% -> heads
  50% -> tails
=== heads
~ heads += 1
-> a
=== tails
~ tails += 1
-> a
=== ending over "Over"
`);

  it('is fixed by the seed: the same seed gives the same draws', () => {
    const flips = Array.from({ length: 40 }, () => 'flip');
    const once = replay(CHANCE, flips, { seed: 99 }).step.state;
    const twice = replay(CHANCE, flips, { seed: 99 }).step.state;
    expect(twice).toEqual(once);
  });

  it('varies with the seed and the visit, and both branches happen', () => {
    const flips = Array.from({ length: 40 }, () => 'flip');
    const a = replay(CHANCE, flips, { seed: 1 }).step.state;
    expect((a.vars['heads'] as number) + (a.vars['tails'] as number)).toBe(40);
    expect(a.vars['heads']).toBeGreaterThan(5);
    expect(a.vars['tails']).toBeGreaterThan(5);
    const sequences = new Set(
      [1, 2, 3, 4, 5].map((seed) => {
        let state = startGame(CHANCE, { seed }).state;
        let out = '';
        for (let i = 0; i < 20; i++) {
          const result = takeChoice(CHANCE, state, 'flip');
          if (!result.ok) throw new Error(result.reason);
          out += result.state.vars['heads'] !== state.vars['heads'] ? 'H' : 'T';
          state = result.state;
        }
        return out;
      }),
    );
    expect(sequences.size).toBeGreaterThan(1);
  });

  it('a custom chooser decides the branch', () => {
    const start = startGame(CHANCE, { seed: 1 }).state;
    for (const [pick, counter] of [
      [0, 'heads'],
      [1, 'tails'],
    ] as const) {
      const result = takeChoice(CHANCE, start, 'flip', { choose: () => pick });
      if (!result.ok) throw new Error(result.reason);
      expect(result.state.vars[counter]).toBe(1);
    }
  });
});
