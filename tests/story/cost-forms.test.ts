import { describe, expect, it } from 'vitest';
import { parseCost } from '../../src/story/parse-choice.js';
import { nextTimeOfDay, parseWeekTime } from '../../src/story/week-time.js';
import { startGame } from '../../src/engine/start-game.js';
import { takeChoice } from '../../src/engine/take-choice.js';
import { listChoices } from '../../src/engine/list-choices.js';
import { HEAD, parseBody, storyOf } from './helpers.js';

const t = (text: string) => parseWeekTime(text)!;

describe('choice costs: a duration, a range, or until a time of day', () => {
  it('parses each form', () => {
    expect(parseCost('15m')).toEqual({ cost: 15 });
    expect(parseCost('30m-2h')).toEqual({ cost: 30, declared: { kind: 'range', min: 30, max: 120 } });
    expect(parseCost('30m \u2013 2h')).toEqual({ cost: 30, declared: { kind: 'range', min: 30, max: 120 } });
    expect(parseCost('until 21:00')).toEqual({ cost: 1, declared: { kind: 'until', at: 21 * 60 } });
    expect(parseCost('until 7:30')).toEqual({ cost: 1, declared: { kind: 'until', at: 7 * 60 + 30 } });
  });

  it('refuses what is not one, saying how to write it', () => {
    expect(parseCost('2h-30m')).toMatch(/must run from less to more/);
    expect(parseCost('0m-1h')).toMatch(/starts above 0m/);
    expect(parseCost('1h-soon')).toMatch(/not a range of durations/);
    expect(parseCost('until 25:00')).toMatch(/not a time of day/);
    expect(parseCost('until Wed 21:00')).toMatch(/a time of day, no weekday/);
    expect(parseCost('soon')).toMatch(/range 30m-2h or until 21:00/);
  });

  it('puts a bad cost at its column in the story', () => {
    const { problems, source } = parseBody(['=== a', '* Go. [3h-1h] -> over', '=== ending over "Over"', ''].join('\n'));
    expect(problems).toHaveLength(1);
    const line = source.split('\n').indexOf('* Go. [3h-1h] -> over') + 1;
    expect(problems[0]).toMatchObject({ line, col: 8, message: 'the range 3h-1h must run from less to more' });
  });

  it('keeps a range and an until on the choice, and leaves plain choices as they were', () => {
    const story = storyOf(
      `${HEAD}=== a\n* Ask around. [30m-2h] -> over\n* Wait for dark. [until 21:00] -> over\n* Go. [1h] -> over\n=== ending over "Over"\n`,
    );
    const [range, until, plain] = story.scenes['a']!.choices;
    expect(range).toMatchObject({ cost: 30, declared: { kind: 'range', min: 30, max: 120 } });
    expect(until).toMatchObject({ cost: 1, declared: { kind: 'until', at: 21 * 60 } });
    expect(plain!.declared).toBeUndefined();
    expect('flavour' in plain! || 'personas' in plain!).toBe(false);
  });

  it('an until choice lasts until the next such hour, and costs what is left until then', () => {
    const story = storyOf(
      `${HEAD}=== a\n* Wait for nine. [until 09:00] -> a\n* Wait for seven. [until 07:00] -> a\n=== ending over "Over"\n`,
    );
    const start = startGame(story, { seed: 1 }).state; // Mon 08:00
    expect(listChoices(story, start).map((choice) => choice.cost)).toEqual([60, 23 * 60]);
    const nine = takeChoice(story, start, 'a.wait_for_nine');
    expect(nine.ok && nine.state.clock).toBe(t('Mon 09:00'));
    if (!nine.ok) return;
    // at 09:00 exactly, "until 09:00" is the next day's: the clock never stands still
    const again = takeChoice(story, nine.state, 'a.wait_for_nine');
    // Tue 09:00 is past the week's end (Mon 20:00): the run ends there, the clock stopped at it
    expect(again.ok && [again.state.clock, again.state.ending]).toEqual([t('Mon 20:00'), 'over']);
    expect(nextTimeOfDay(t('Mon 09:00'), 9 * 60)).toBe(t('Tue 09:00'));
    expect(nextTimeOfDay(t('Mon 08:59'), 9 * 60)).toBe(t('Mon 09:00'));
  });
});

describe('flavour and persona marks', () => {
  const body = (lines: string[]) =>
    parseBody(['=== a', ...lines, '=== ending over "Over"', ''].join('\n'), `${HEAD}@persona bold "Bold"\n@persona meek "Meek"\n`);

  it('reads `flavour` and `persona` body lines, not as prose', () => {
    const { story, problems } = body(['* Go. [1h] -> over', '  flavour', '  persona bold, meek', '  You go.']);
    expect(problems).toEqual([]);
    const choice = story!.scenes['a']!.choices[0]!;
    expect(choice.flavour).toBe(true);
    expect(choice.personas).toEqual(['bold', 'meek']);
    expect(choice.body).toHaveLength(1);
    expect(story!.personas!.map((persona) => persona.id)).toEqual(['bold', 'meek']);
  });

  it('refuses an undeclared persona, and a persona declared twice', () => {
    const unknown = body(['* Go. [1h] -> over', '  persona bodl']);
    expect(unknown.problems.map((p) => p.message)).toEqual([
      "unknown persona 'bodl' (did you mean 'bold'?) (declare it: `@persona bodl \"…\"`)",
    ]);
    const twice = parseBody(
      ['=== a', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n'),
      `${HEAD}@persona bold "Bold"\n@persona bold "Bolder"\n@persona "No id"\n`,
    );
    expect(twice.problems.map((p) => p.message)).toEqual([
      `persona 'bold' is already declared at main.pusher:${HEAD.split('\n').length}`,
      '@persona reads `@persona loyal_tonny "Loyal to Tonny"`',
    ]);
  });
});
