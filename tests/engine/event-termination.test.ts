// Time spent between choices always ends: an event's own body cannot wait, scenes events
// jump to may, and the deadline cannot be bounced back and forth forever.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listChoices, replay, startGame, takeChoice, type GameState } from '../../src/engine/index.js';
import { checkStory } from '../../src/tools/check-story.js';
import { parseWeekTime } from '../../src/story/week-time.js';
import type { Story } from '../../src/story/types.js';
import { summariseRun } from '../../src/present/summarise-run.js';
import { HEAD, parseBody, positions, storyOf, where } from '../story/helpers.js';

const WEEK = `@start a
@clock Mon 08:00
@timeout Sun 20:00 -> over
@var debt = 100 in 0..1000
@var fired = 0 in 0..100000
@time deadline = Mon 12:00
@meter time deadline
`;
const SUNDAY_EVENING = parseWeekTime('Sun 20:00')!;

describe('an event that spends time in its own body', () => {
  it('is refused where it waits, in dawn and deadline events, inside if blocks too', () => {
    const body = `@on dawn\n  ~ wait 24h\n@on deadline\n  if debt > 0\n    ~ wait until Tue 08:00\n  end\n\n=== a\n* Go. [1h] -> over\n\n=== ending over "Over"\n`;
    const result = parseBody(body);
    const message = (trigger: string) =>
      `an @on ${trigger} event cannot spend time itself (it would fire again as the clock passes): jump to a scene that waits instead`;
    expect(positions(result)).toEqual([
      `${where('main.pusher', result.source, '~ wait 24h', '~')}: ${message('dawn')}`,
      `${where('main.pusher', result.source, '~ wait until Tue', '~')}: ${message('deadline')}`,
    ]);
  });

  it("still ends at the week's end in the engine, should such a story get past the validator", () => {
    const story = storyOf(
      `${WEEK}@on dawn\n  ~ fired += 1\n\n=== a\n* Sleep. [20h] -> a #sleep\n\n=== ending over "Over"\n`,
    );
    // What the validator refuses, put in by hand: every dawn waits a whole day.
    const waiting: Story = structuredClone(story);
    waiting.events[0]!.body.push({
      kind: 'wait',
      duration: { kind: 'int', value: 24 * 60, pos: story.events[0]!.pos },
      pos: story.events[0]!.pos,
    });
    const taken = takeChoice(waiting, startGame(waiting, { seed: 1 }).state, 'sleep');
    expect(taken.ok && [taken.state.ending, taken.state.clock]).toEqual(['over', SUNDAY_EVENING]);
    // one dawn for each midnight up to the week's end: Tue, Wed, Thu, Fri, Sat, Sun
    expect(taken.ok && taken.state.vars['fired']).toBe(6);
  });
});

describe('a scene an event jumps to', () => {
  const cell = (wait: string) =>
    storyOf(`${WEEK}@on dawn
  ~ fired += 1
  -> cell

=== a
* Sleep. [20h] -> a #sleep
* Give up. [1h] -> over #give_up
=== cell
~ wait ${wait}
A while in the cell.
* Out. [1h] -> a #out
=== ending over "Over"
`);

  it('may spend time: the run rests there once the clock has moved on', () => {
    const story = cell('12h');
    const taken = takeChoice(story, startGame(story, { seed: 1 }).state, 'sleep');
    // Mon 08:00 + 20h passes Tuesday's midnight; the cell adds 12h and passes no other
    expect(taken.ok && [taken.state.scene, taken.state.clock, taken.state.vars['fired']]).toEqual([
      'cell',
      parseWeekTime('Tue 16:00'),
      1,
    ]);
  });

  it('may wait past the next midnight: each midnight fires once, and the week ends', () => {
    const story = cell('24h');
    const taken = takeChoice(story, startGame(story, { seed: 1 }).state, 'sleep');
    expect(taken.ok && [taken.state.ending, taken.state.clock, taken.state.vars['fired']]).toEqual([
      'over',
      SUNDAY_EVENING,
      6,
    ]);
    // check walks it to the end, and finds that the cell's way out is never open
    expect(checkStory(story, 10_000).report.problems.map((p) => p.message)).toEqual([
      "choice 'out' is never available",
    ]);
  });

  it('is proved by check when its wait leaves the cell open', () => {
    const { report } = checkStory(cell('12h'), 100_000);
    expect(report.problems).toEqual([]);
    expect(report.proven).toBe(true);
  });
});

describe('a deadline moved back into the past by the scene its event jumps to', () => {
  // Each time the deadline fires, `flip` moves it a minute earlier or later in the past,
  // which would fire it again at once, forever.
  const FLIP = storyOf(`${WEEK}@on deadline
  ~ fired += 1
  -> flip

=== a
* Wait. [5h] -> a #wait
=== flip
if deadline == clock - 1m
  ~ deadline = clock - 2m
else
  ~ deadline = clock - 1m
end
* Back. [1h] -> a #back
=== ending over "Over"
`);

  it('fires once for each deadline value in a move, then rests', () => {
    const taken = takeChoice(FLIP, startGame(FLIP, { seed: 1 }).state, 'wait');
    // Mon 12:00, then clock - 1m, then clock - 2m; clock - 1m again has fired in this move
    expect(taken.ok && [taken.state.scene, taken.state.vars['fired']]).toEqual(['flip', 3]);
  });

  it('is proved by check', () => {
    expect(checkStory(FLIP, 100_000).report.ok).toBe(true);
  });
});

describe('property: every move ends, and the clock never passes the week', () => {
  const event = fc.record({
    trigger: fc.constantFrom('dawn', 'deadline'),
    jump: fc.boolean(),
  });
  const scene = fc.record({
    wait: fc.integer({ min: 0, max: 3000 }),
    deadline: fc.constantFrom(
      '',
      '~ deadline = clock - 1m',
      '~ deadline = clock + 3h',
      '~ deadline -= 1h',
      '~ deadline += 1h',
    ),
  });
  const storyText = (
    events: Array<{ trigger: string; jump: boolean }>,
    scenes: Array<{ wait: number; deadline: string }>,
  ) =>
    `${WEEK}${events.map((e, i) => `@on ${e.trigger}\n  ~ fired += 1\n${e.jump ? `  -> s${i % scenes.length}\n` : ''}`).join('')}
=== a
${scenes.map((_, i) => `* To ${i}. [${1 + i * 7}h] -> s${i} #to_${i}`).join('\n')}
* Stay. [1d] -> a #stay
${scenes
  .map(
    (s, i) => `=== s${i}
~ wait ${s.wait}m
${s.deadline}
* Back. [30m] -> a #back_${i}
* On. [2h] -> s${(i + 1) % scenes.length} #on_${i}`,
  )
  .join('\n')}
=== ending over "Over"
`;

  it('holds for random stories of events, waiting scenes and moving deadlines', () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 4 }),
        fc.array(scene, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (events, scenes, picks) => {
          const story = storyOf(storyText(events, scenes));
          let state: GameState = startGame(story, { seed: 3 }).state;
          for (const pick of picks) {
            if (state.ending) break;
            const open = listChoices(story, state).filter((choice) => choice.available);
            const taken = takeChoice(story, state, open[pick % open.length]!.id);
            if (!taken.ok) throw new Error(taken.reason);
            expect(taken.state.clock).toBeGreaterThanOrEqual(state.clock);
            expect(taken.state.clock).toBeLessThanOrEqual(SUNDAY_EVENING);
            state = taken.state;
          }
          expect(replay(story, state.taken, { seed: 3 }).stoppedBecause).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the @timeout ends the run at that moment', () => {
  const EARLY = storyOf(`${HEAD.replace('@var debt', '@var cash = 0 in 0..100\n@var debt')}
=== a
* Sleep three days. [3d] -> a #sleep
  ~ cash += 50
  Three days pass.
* Nap. [1h] -> nap #nap
=== nap
~ wait 1d
~ cash += 10
You wake.
* Up. [1m] -> a
=== ending over "Over"
The day is gone.
`);
  const MONDAY_EVENING = parseWeekTime('Mon 20:00')!;

  it('a choice that crosses it spends time only up to it, and its body never happens', () => {
    const taken = takeChoice(EARLY, startGame(EARLY, { seed: 1 }).state, 'sleep');
    expect(taken.ok && [taken.state.ending, taken.state.clock, taken.state.vars['cash']]).toEqual([
      'over',
      MONDAY_EVENING,
      0,
    ]);
    expect(taken.ok && taken.paragraphs).toEqual(['The day is gone.']);
    // a week that ends on Monday evening was survived for one day, not the four the cost reached
    expect(taken.ok && summariseRun(EARLY, taken.state).daysSurvived).toBe(1);
  });

  it('a wait that crosses it leaves the scene for the ending at once', () => {
    const taken = takeChoice(EARLY, startGame(EARLY, { seed: 1 }).state, 'nap');
    expect(taken.ok && [taken.state.ending, taken.state.clock, taken.state.vars['cash']]).toEqual([
      'over',
      MONDAY_EVENING,
      0,
    ]);
    expect(taken.ok && taken.paragraphs).toEqual(['The day is gone.']);
  });
});
