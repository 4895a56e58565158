import { describe, expect, it } from 'vitest';
import { liveVariables } from '../../src/tools/live-variables.js';
import { HEAD } from '../story/helpers.js';
import {
  DEADLINE_AFTER_WAIT,
  FEEDS_A_GATE,
  READ_BY_EVENTS,
  check,
  expectProved,
  keyBehindJumps,
  proseOnly,
  storyOf,
} from './merge-fixtures.js';

// `deadline` is live everywhere: the deadline event fires from any scene once the clock reaches it.
const GATES = ['locked unless key: It is locked.', 'hidden unless key'];

describe('liveVariables', () => {
  describe.each(GATES)('a variable read only after jumps, by `%s`', (gate) => {
    const story = storyOf(keyBehindJumps(gate));

    it('is live in every scene before the read, through the jumps, and dead after it', () => {
      expect(liveVariables(story)).toEqual({
        a: ['deadline', 'key'],
        hall: ['deadline', 'key'],
        passage: ['deadline', 'key'],
        door: ['deadline', 'key'],
        garden: ['deadline'],
        lost: ['deadline'],
        over: ['deadline'],
      });
    });

    it('keeps the two hallway states apart, so check sees the door both shut and open', () => {
      const report = check(story);
      expectProved(report);
      // `open` is closed without the key and open with it: merged states would show only one
      expect(report.gates).toBe(1);
    });
  });

  describe('a variable read only by an event', () => {
    const story = storyOf(READ_BY_EVENTS);
    const live = liveVariables(story);

    it('is live wherever the event can still fire: in its body (armed) and in its condition (warned)', () => {
      // and tipped, read in the hideout the second event leads to
      expect(live['a']).toEqual(['deadline', 'armed', 'warned', 'tipped']);
      expect(live['camp']).toEqual(['deadline', 'armed', 'warned', 'tipped']);
    });

    it("is dead where the event can no longer fire: Tuesday's dawn is over by the morning", () => {
      expect(live['morning']).toEqual(['deadline']);
      expect(live['home']).toEqual(['deadline']);
    });

    it('keeps the camp states apart, so each event ending is reached', () => {
      const report = check(story);
      expectProved(report);
      expect(report.endings.map((ending) => ending.id)).toEqual(['stand', 'safe', 'home', 'over']);
    });
  });

  describe('a variable read after a deadline event that can still fire', () => {
    const story = storyOf(DEADLINE_AFTER_WAIT);

    it('is live in the morning, after Tuesday dawn but before Tuesday ends', () => {
      expect(liveVariables(story)['morning']).toEqual(['deadline', 'stashed']);
      expect(liveVariables(story)['night']).toEqual(['deadline', 'stashed']);
    });

    it('keeps the morning states apart, so the raid finds the stash', () => {
      const report = check(story);
      expectProved(report);
      expect(report.gates).toBe(1);
    });
  });

  describe('a variable only shown in prose', () => {
    it('is live nowhere: interpolation, inline {if} and an if block of prose do not steer play', () => {
      const live = liveVariables(storyOf(proseOnly(true)));
      expect(live).toEqual({ a: ['deadline'], b: ['deadline'], over: ['deadline'] });
    });

    it('becomes live once an if block on it does more than show prose', () => {
      const story = storyOf(proseOnly(true).replace('  The letters pile up.\n', '  ~ wait 1h\n'));
      expect(liveVariables(story)['b']).toEqual(['debt', 'deadline']);
      expect(liveVariables(story)['a']).toEqual(['debt', 'deadline']);
    });

    it('lets check merge the states it tells apart: as many states as without the change', () => {
      const changed = check(storyOf(proseOnly(true)));
      const unchanged = check(storyOf(proseOnly(false)));
      expectProved(changed);
      expect(changed.states).toBe(unchanged.states);
    });
  });

  describe('a variable that only feeds one a gate reads', () => {
    const story = storyOf(FEEDS_A_GATE);

    it('is live up to the effect that copies it, and the copy is live up to the gate', () => {
      expect(liveVariables(story)).toEqual({
        a: ['deadline', 'cash', 'score'],
        b: ['deadline', 'cash', 'score'],
        c: ['deadline', 'score'],
        rich: ['deadline'],
        over: ['deadline'],
      });
    });

    it('keeps the states before the copy apart, so the claim opens', () => {
      const report = check(story);
      expectProved(report);
      expect(report.gates).toBe(1);
    });
  });

  it('reads conditions of every kind: a lock and a hidden choice on different variables', () => {
    const story = storyOf(`${HEAD}@flag key
@flag rope
=== a
* Look around. [1h] -> door #look
=== door
* Open. [1h] -> over #open
  locked unless key: Locked.
* Climb. [1h] -> over #climb
  hidden unless rope
* Wait. [1h] -> over #wait_door
=== ending over "Over"
`);
    expect(liveVariables(story)['door']).toEqual(['deadline', 'key', 'rope']);
    expect(liveVariables(story)['a']).toEqual(['deadline', 'key', 'rope']);
  });
});
