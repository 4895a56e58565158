import { describe, expect, it } from 'vitest';
import { earliestClock } from '../../src/tools/earliest-clock.js';
import {
  CLOCK_AND_TIMEOUT,
  DEADLINE_AFTER_WAIT,
  READ_BY_EVENTS,
  at,
  check,
  expectProved,
  storyOf,
} from './merge-fixtures.js';

describe('earliestClock', () => {
  describe('scenes reached only after a `wait until`, and a deadline event tied to a day', () => {
    const story = storyOf(DEADLINE_AFTER_WAIT);

    it('is the clock on entering each scene at the earliest, the wait counted in full', () => {
      expect(earliestClock(story)).toEqual({
        a: at('Mon 08:00'),
        night: at('Mon 20:00'), // the wait runs inside night: its entry is before it
        morning: at('Tue 09:00'), // Tue 08:00 after the wait, then an hour to get up
        // the analysis knows the event's day, not the deadline: Tuesday's first moment, from Monday's scenes
        raid: at('Tue 00:00'),
        caught: at('Tue 01:00'),
        free: at('Tue 01:00'),
        over: at('Tue 10:00'), // turning yourself in; the timeout comes later
      });
    });

    it("does not prune the deadline event from Tuesday's morning: the raid still finds the stash", () => {
      // a clock too late for the morning would take the raid out of its future and merge the stash away
      const report = check(story);
      expectProved(report);
      expect(report.endings.map((ending) => [ending.id, ending.reachable])).toEqual([
        ['caught', true],
        ['free', true],
        ['over', true],
      ]);
      expect(report.gates).toBe(1);
    });
  });

  describe('scenes a dawn event jumps to', () => {
    const story = storyOf(READ_BY_EVENTS);

    it("is the event's midnight when the clock can reach it, and the choices' costs otherwise", () => {
      expect(earliestClock(story)).toEqual({
        a: at('Mon 08:00'),
        camp: at('Mon 09:00'),
        morning: at('Tue 09:00'),
        stand: at('Tue 00:00'),
        hideout: at('Tue 00:00'),
        safe: at('Tue 01:00'),
        home: at('Tue 10:00'),
        over: at('Mon 10:00'),
      });
    });

    it('keeps the event able to fire from camp, so both its endings are reached', () => {
      expectProved(check(story));
    });
  });

  describe('the timeout', () => {
    const story = storyOf(CLOCK_AND_TIMEOUT);

    it('reaches its ending at the end of the week, and never before', () => {
      expect(earliestClock(story)).toEqual({
        a: at('Mon 08:00'),
        b: at('Mon 18:00'),
        escaped: at('Mon 19:00'),
        over: at('Mon 20:00'),
      });
    });

    it('is reached from the late state and missed from the early one', () => {
      expectProved(check(story));
    });
  });

  it('raises the clock of a jump by what its `if` implies, and counts waits in a choice body', () => {
    const story = storyOf(`@start a
@clock Mon 08:00
@timeout Fri 20:00 -> over
@var debt = 100 in 0..1000
@time deadline = Fri 12:00
=== a
* Sleep. [1h] -> hub #sleep
=== hub
if day >= 3
  -> late
end
* Nap. [12h] -> hub #nap
* Give up. [1h] -> over #give_up
  ~ wait 30m
=== late
* Leave. [1h] -> over #leave
=== ending over "Over"
`);
    expect(earliestClock(story)).toEqual({
      a: at('Mon 08:00'),
      hub: at('Mon 09:00'),
      late: at('Wed 00:00'),
      over: at('Mon 10:30'),
    });
  });
});
