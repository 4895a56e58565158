import { expect } from 'vitest';
import { checkStory, type CheckReport } from '../../src/tools/check-story.js';
import { parseWeekTime } from '../../src/story/week-time.js';
import type { Story } from '../../src/story/types.js';
import { HEAD, storyOf } from '../story/helpers.js';

/**
 * Small stories where check's state merging would be wrong if the merge analysis were
 * wrong: each has two or more states at one scene that look alike but do not play the
 * same, and an ending or a gate that only one of them reaches. They are shared by the
 * tests of liveVariables, earliestClock and stateKeyer.
 */

/** Minutes since Monday 00:00 of a `Day HH:MM` time (the test's own arithmetic, not the analysis'). */
export function at(time: string): number {
  const clock = parseWeekTime(time);
  if (clock === null) throw new Error(`not a week time: ${time}`);
  return clock;
}

/** The key is read only after a jump in a choice body and a jump in a scene body; `gate` is the door's condition line. */
export function keyBehindJumps(gate: string): string {
  return `${HEAD}@flag key
=== a
* Leave the key. [1h] -> hall #leave
* Take the key. [1h] -> hall #take
  ~ key = true
=== hall
* Walk on. [1h] #walk
  -> passage
=== passage
The corridor turns.
-> door
=== door
* Open the door. [1h] -> garden #open
  ${gate}
* Turn back. [1h] -> lost #turn_back
=== garden
* Rest. [1h] -> over #rest
=== ending lost "Lost"
=== ending over "Over"
`;
}

/**
 * `armed` is read only by a dawn event's body and `warned` only by its condition; both
 * fire at Tuesday's midnight, which only the night at camp passes. `tipped` is read only in
 * the hideout an event leads to. The week's end is reached from camp on Monday, before that
 * midnight, but nothing fires after an ending: the morning's future holds no event.
 */
export const READ_BY_EVENTS = `@start a
@clock Mon 08:00
@timeout Wed 20:00 -> over
@var debt = 100 in 0..1000
@time deadline = Wed 12:00
@meter time deadline
@flag armed
@flag warned
@flag tipped
@on dawn when day == 2
  if armed
    -> stand
  end
@on dawn when day == 2 and warned
  -> hideout
=== a
* Do nothing. [1h] -> camp #nothing
* Arm yourself. [1h] -> camp #arm
  ~ armed = true
* Heed the warning. [1h] -> camp #heed
  ~ warned = true
=== camp
* Sleep. [1d] -> morning #sleep
* Give up. [1h] -> over #give_up
=== morning
* Go home. [1h] -> home #go_home
* Tip off the police. [1h] -> home #tip_off
  ~ tipped = true
=== hideout
* Lie low. [1h] -> safe #lie_low
  hidden unless not tipped
=== ending stand "Stand"
=== ending safe "Safe"
=== ending home "Home"
=== ending over "Over"
`;

/**
 * `stashed` is read only in the scene a deadline event jumps to. The deadline falls on
 * Tuesday noon; the mornings are reached only after a `wait until` (from Monday night:
 * read as a duration, it would end after Tuesday), when Tuesday's dawn is over but its
 * deadline is still to come.
 */
export const DEADLINE_AFTER_WAIT = `@start a
@clock Mon 08:00
@timeout Wed 20:00 -> over
@var debt = 100 in 0..1000
@time deadline = Tue 12:00
@meter time deadline
@flag stashed
@on deadline when day == 2
  -> raid
=== a
* Leave it out. [12h] -> night #leave
* Hide the stash. [12h] -> night #hide
  ~ stashed = true
=== night
~ wait until Tue 08:00
* Get up. [1h] -> morning #get_up
=== morning
* Stay in. [6h] -> over #stay_in
* Turn yourself in. [1h] -> over #turn_in
=== raid
* Hand it over. [1h] -> caught #hand_over
  hidden unless stashed
* Play dumb. [1h] -> free #play_dumb
=== ending caught "Caught"
=== ending free "Free"
=== ending over "Over"
`;

/** `debt` is only shown: interpolated, in an inline `{if}`, and in an `if` block of prose. */
export function proseOnly(spend: boolean): string {
  return `${HEAD}=== a
* Spend. [1h] -> b #spend
${spend ? '  ~ debt = 0\n' : ''}* Keep. [1h] -> b #keep
=== b
You owe {debt}. {if debt > 50: A lot.|Not much.}
if debt > 50
  The letters pile up.
end
* Sleep. [1h] -> over #sleep
=== ending over "Over"
`;
}

/** `cash` is read only by the effect that copies it into `score`, which a lock reads later. */
export const FEEDS_A_GATE = `${HEAD}@var cash = 0 in 0..10
@var score = 0 in 0..10
=== a
* Idle. [1h] -> b #idle
* Work. [1h] -> b #work
  ~ cash = 5
=== b
* Tally. [1h] -> c #tally
  ~ score = cash
=== c
* Claim. [1h] -> rich #claim
  locked unless score > 0: Nothing to claim.
* Leave. [1h] -> over #leave_c
=== ending rich "Rich"
=== ending over "Over"
`;

/** Two states at `b` differ only in the clock: from the later one the week ends on the way. */
export const CLOCK_AND_TIMEOUT = `${HEAD}=== a
* Dawdle. [11h30m] -> b #dawdle
* Hurry. [10h] -> b #hurry
=== b
* Run for the train. [1h] -> escaped #run
=== ending escaped "Escaped"
=== ending over "Over"
`;

/** Two states at `b` differ only in the deadline: waiting passes one of them. */
export const DEADLINE_VALUE = `${HEAD}@on deadline
  -> caught
=== a
* Go. [1h] -> b #go
* Beg for time. [1h] -> b #beg
  ~ deadline += 2h
* Give up. [1h] -> over #give_up
=== b
* Wait. [4h] -> safe #wait
=== ending caught "Caught"
=== ending safe "Safe"
=== ending over "Over"
`;

/**
 * Two states at `b` (Mon 14:00, deadline Mon 18:00) differ only in whether the noon
 * deadline has fired: moving the deadline back to noon fires it at once in one of them.
 */
export const DEADLINE_FIRED = `@start a
@clock Mon 08:00
@timeout Mon 23:00 -> over
@var debt = 100 in 0..1000
@time deadline = Mon 12:00
@meter time deadline
@on deadline
  if hour >= 14
    -> caught
  end
=== a
* Sit it out. [5h] -> c #sit
* Phone ahead. [1h] -> d #phone
  ~ deadline = Mon 18:00
* Give up. [1h] -> over #give_up
=== c
* Phone now. [1h] -> b #phone_late
  ~ deadline = Mon 18:00
=== d
* Wait. [5h] -> b #wait
=== b
* Beg. [1h] -> spared #beg
  ~ deadline = Mon 12:00
=== ending caught "Caught"
=== ending spared "Spared"
=== ending over "Over"
`;

/** Walks every state of the story and returns check's report. */
export function check(story: Story): CheckReport {
  return checkStory(story, 10_000).report;
}

/** The report of a story that is proved: walked to the end, every ending reachable, no problem. */
export function expectProved(report: CheckReport): void {
  expect(report.problems.map((problem) => problem.message)).toEqual([]);
  expect(report.proven).toBe(true);
  expect(report.method).toBe('exhaustive');
  expect(report.endings.filter((ending) => !ending.reachable)).toEqual([]);
  expect(report.ok).toBe(true);
}

export { storyOf };
