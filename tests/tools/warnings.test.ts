import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collectWarnings } from '../../src/tools/warnings/collect-warnings.js';
import { unreadStateWarnings } from '../../src/tools/warnings/unread-state.js';
import { checkStory } from '../../src/tools/check-story.js';
import type { Story } from '../../src/story/types.js';
import { HEAD, storyOf } from '../story/helpers.js';

// Mon 08:00, deadline Mon 12:00, the week ends Mon 20:00.
const HEAD_CASH = `${HEAD}@var cash = 100 in 0..1000 show "Cash"\n`;
/** The line of a test story's body line `n` (1 = the line after HEAD_CASH). */
const line = (n: number) => HEAD_CASH.split('\n').length - 1 + n;
const ALL = 100_000;
const warn = (story: Story) => collectWarnings(story, { kind: 'walk', maxStates: ALL });
const kinds = (story: Story) => warn(story).warnings.map((warning) => warning.kind);

describe('time-label', () => {
  it('warns where a scene waits far longer than the label says, at the choice, with a path', () => {
    const story = storyOf(`${HEAD_CASH}=== a
* Ask about the restaurant. [30m] -> talk #ask
* Leave. [10m] -> over
=== talk
~ wait 2h
* Leave. [10m] -> over
=== ending over "Over"
`);
    const { warnings, judged } = warn(story);
    expect(judged).toMatchObject({ method: 'every-state', static: ['unread-state'] });
    expect(warnings).toEqual([
      {
        kind: 'time-label',
        file: 'main.pusher',
        line: line(2),
        col: 1,
        message: expect.stringMatching(/^'ask' is written \[30m\] but takes 2h30m from Mon 08:00 \(to Mon 10:30\)/),
        path: '(at the start)',
      },
    ]);
  });

  it('keeps quiet within 15 minutes, and where a range or until says it truthfully', () => {
    const story = storyOf(`${HEAD_CASH}=== a
* Close enough. [30m] -> near #near
* Ask around. [30m-2h] #ask
  50% -> a
  50% -> slow
* Sleep. [until 11:00] -> a #sleep
* Nap. [10m] -> nap #nap
* Leave. [10m] -> over
=== near
~ wait 15m
-> a
=== slow
~ wait 1h30m
-> a
=== nap
~ wait until Mon 11:00
-> a
=== ending over "Over"
`);
    expect(kinds(story)).toEqual(['time-label']);
    expect(warn(story).warnings[0]!.message).toMatch(/^'nap' is written \[10m\]/);
  });

  it('leaves time after an event takes over to silent-interruption', () => {
    const story = storyOf(`${HEAD_CASH}@on deadline
  -> milo
=== a
* Work. [3h] -> a #work
* Leave. [10m] -> over
=== milo
~ wait 5h
* Leave. [10m] -> over
=== ending over "Over"
`);
    expect(kinds(story)).toEqual(['silent-interruption']);
  });
});

describe('silent-interruption', () => {
  const story = (event: string) =>
    storyOf(`${HEAD_CASH}@on deadline
${event}  -> milo
=== a
* Buy the tickets. [3h] -> a #tickets
* Leave. [10m] -> over
=== milo
Milo's men are at the door.
* Leave. [10m] -> over
=== ending over "Over"
`);

  it('warns when an event takes the player elsewhere without a line of its own', () => {
    const { warnings } = warn(story(''));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: 'silent-interruption', line: line(4), path: 'tickets' });
    expect(warnings[0]!.message).toContain(
      `'@on deadline' (main.pusher:${line(1)}) can fire during 'tickets' at Mon 14:00`,
    );
  });

  it('keeps quiet when the event says what was cut short', () => {
    expect(kinds(story('  Your phone rings before you are done: it is noon.\n'))).toEqual([]);
  });

  it('does not count the week running out: its ending is its words', () => {
    const timeout = storyOf(`${HEAD_CASH}=== a\n* Sleep. [12h] -> a\n* Leave. [10m] -> over\n=== ending over "Over"\n`);
    expect(kinds(timeout)).toEqual([]);
  });
});

describe('same-result', () => {
  const story = (mark: string) =>
    storyOf(`${HEAD_CASH}=== a
* Take the bus. [30m] -> b #bus
* Take the tram. [30m] -> b #tram
${mark}* Walk. [1h] -> b #walk
=== b
* Leave. [10m] -> over
=== ending over "Over"
`);

  it('warns when two open choices always lead to the same state and text', () => {
    const { warnings } = warn(story(''));
    expect(warnings).toEqual([
      expect.objectContaining({
        kind: 'same-result',
        line: line(3),
        message: expect.stringMatching(new RegExp(`^'tram' and 'bus' \\(line ${line(2)}\\)`)),
      }),
    ]);
  });

  it('keeps quiet for a choice marked flavour', () => {
    const marked = storyOf(
      `${HEAD_CASH}=== a\n* Take the bus. [30m] -> b #bus\n* Take the tram. [30m] -> b #tram\n  flavour\n=== b\n* Leave. [10m] -> over\n=== ending over "Over"\n`,
    );
    expect(kinds(marked)).toEqual([]);
  });

  it('keeps quiet when the text, the state or the odds differ in some state', () => {
    const text = storyOf(
      `${HEAD_CASH}=== a\n* Take the bus. [30m] -> b\n  The bus smells of wet coats.\n* Take the tram. [30m] -> b\n=== b\n* Leave. [10m] -> over\n=== ending over "Over"\n`,
    );
    expect(kinds(text)).toEqual([]);
    const money = storyOf(
      `${HEAD_CASH}=== a\n* Take the bus. [30m] -> b\n  ~ cash -= 20\n* Take the tram. [30m] -> b\n=== b\n* Leave. [10m] -> over\n=== ending over "Over"\n`,
    );
    expect(kinds(money)).toEqual([]);
    // the same while cash is 0, different while there is some: not "always"
    const sometimes = storyOf(`${HEAD_CASH}=== a
* Spend. [30m] -> a
  ~ cash -= 100
* Tip. [30m] -> a
  ~ cash -= 50
* Save. [30m] -> a
* Leave. [10m] -> over
=== ending over "Over"
`);
    expect(kinds(sometimes)).toEqual([]);
  });
});

describe('unread-state', () => {
  it('warns at a value set by a choice that nothing reads afterwards', () => {
    const story = storyOf(`${HEAD_CASH}@flag named_hasse
=== a
* Name Hasse to the police. [1h] -> b
  ~ named_hasse = true
* Say nothing. [1h] -> b
=== b
* Leave. [10m] -> over
=== ending over "Over"
`);
    expect(unreadStateWarnings(story)).toEqual([
      expect.objectContaining({
        kind: 'unread-state',
        line: line(4),
        col: 5,
        message: expect.stringMatching(
          /^'named_hasse' is set by choice 'a\.name_hasse_to_the_police' and nothing reads it/,
        ),
      }),
    ]);
  });

  it('counts conditions, prose, meters, later effects and events as reads, and a reset as no debt', () => {
    const read = (reader: string, extra = '') =>
      storyOf(`${HEAD_CASH}@flag named_hasse
@var grudge = 0 in 0..5
${extra}=== a
~ grudge = 0
* Name Hasse. [1h] -> b
  ~ named_hasse = true
  ~ grudge += 1
  ~ cash += 10
* Say nothing. [1h] -> b
=== b
${reader}
* Leave. [10m] -> over
=== ending over "Over"
`);
    const names = (story: Story) => unreadStateWarnings(story).map((warning) => warning.message.split("'")[1]);
    // grudge is read by nobody; its reset to 0 at the top of a is not a debt
    expect(names(read('{if named_hasse: Hasse will hear of it.}'))).toEqual(['grudge']);
    expect(names(read('if named_hasse and grudge > 0\n  ~ debt += 1\nend'))).toEqual([]);
    expect(names(read('You owe {grudge} favours. {if named_hasse: x}'))).toEqual([]);
    expect(
      names(read('~ debt += grudge * 10 // named_hasse', '@on dawn\n  if named_hasse\n    ~ debt += 1\n  end\n')),
    ).toEqual([]);
  });
});

describe('collectWarnings on a story too big to walk', () => {
  it('judges every state along the runs of the proof, and says so', () => {
    const tiny = storyOf(readFileSync(new URL('../fixtures/tiny.pusher', import.meta.url), 'utf8'), 'tiny.pusher');
    const { report, coverage } = checkStory(tiny, 2, { witnessWalks: 300, seed: 1 });
    expect(report.method).toBe('witnesses');
    const { judged, warnings } = collectWarnings(tiny, { kind: 'runs', runs: [], coverage });
    expect(judged.method).toBe('runs');
    expect(judged.runs).toBeGreaterThan(0);
    expect(judged.states).toBeGreaterThan(0);
    // what the runs show is a part of what the whole walk shows
    const whole = warn(tiny).warnings.map((warning) => `${warning.kind}@${warning.line}`);
    for (const warning of warnings) expect(whole).toContain(`${warning.kind}@${warning.line}`);
  });
});

describe('writtenCost', () => {
  it('spells each cost form as written, for the map and the warnings', async () => {
    const { writtenCost } = await import('../../src/story/written-cost.js');
    const story = storyOf(
      `${HEAD}=== a\n* A. [1h30m] -> over\n* B. [30m-2h] -> over\n* C. [until 21:00] -> over\n=== ending over "Over"\n`,
    );
    expect(story.scenes['a']!.choices.map(writtenCost)).toEqual(['1h30m', '30m-2h', 'until 21:00']);
  });
});
