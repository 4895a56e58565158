import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runSeries, weekChart, weekChartLines, weekChartWords, type WeekPoint } from '../../src/present/week-chart.js';
import type { MoneyMeter } from '../../src/engine/meters.js';

const DEBT: MoneyMeter = { name: 'debt', label: 'Debt', unit: 'kr' };
import { storyFrom, TINY_SOURCE } from '../save/helpers.js';
import { listChoices } from '../../src/engine/index.js';
import { openSession, chooseOpen } from '../../src/play/session.js';

const DAY = 24 * 60;
const BLOCKS = '\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588';
const point = (clock: number, debt: number, minutesLeft: number): WeekPoint => ({ clock, debt, minutesLeft });

/** Monday 08:00 to Wednesday 20:00: debt climbs, time left falls, one step a day and a half. */
const WEEK = [point(8 * 60, 60_000, 3000), point(DAY + 20 * 60, 90_000, 1000), point(2 * DAY + 20 * 60, 145_000, -60)];

describe('the week chart', () => {
  it('draws each meter from its lowest (▁) to its highest (█) over the run, as wide as asked', () => {
    const chart = weekChart(WEEK, 46, DEBT)!;
    const [debt, time] = chart.rows;
    expect(debt!.line).toHaveLength(40);
    expect(debt!.line[0]).toBe('\u2581');
    expect(debt!.line.at(-1)).toBe('\u2588');
    expect(time!.line[0]).toBe('\u2588');
    expect(time!.line.at(-1)).toBe('\u2581');
    expect(debt!.range).toBe('60,000 kr to 145,000 kr');
    expect(time!.range).toBe('overdue 1 h to 50 h left');
  });

  it('holds each value until the next step: a step function over time, never drawn before it happens', () => {
    const line = weekChart(WEEK, 46, DEBT)!.rows[0]!.line;
    // the second step comes at Tue 20:00, (36 h of 60 h) of the way: the columns before it still show the start
    const changes = [...line].findIndex((block) => block !== '\u2581');
    expect(changes).toBe(Math.ceil((36 / 60) * 39));
  });

  it('marks the days under the columns where they begin', () => {
    const chart = weekChart(WEEK, 46, DEBT)!;
    expect(chart.days.startsWith('Mon')).toBe(true);
    // Tuesday begins 16 h into the 60 h run, Wednesday 40 h in
    expect(chart.days.indexOf('Tue')).toBe(Math.ceil((16 / 60) * 39));
    expect(chart.days.indexOf('Wed')).toBe(Math.ceil((40 / 60) * 39));
  });

  it('fits any width: every line at most the width, nothing drawn when too narrow', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(600), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: -600, max: 6000 })), {
          minLength: 2,
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 200 }),
        (steps, width) => {
          let clock = 8 * 60;
          const points = steps.map(([gap, debt, left]) => point((clock += gap), debt, left));
          const lines = weekChartLines(points, width, DEBT);
          if (width < 14) expect(lines).toEqual([]);
          else {
            for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
            const sparklines = lines.filter((line) => /^(Debt|Time) /.test(line));
            expect(sparklines).toHaveLength(2);
            for (const line of sparklines) expect(line.slice(6)).toMatch(new RegExp(`^[${BLOCKS}]{${width - 6}}$`));
          }
        },
      ),
    );
  });

  it('says the week in words for screen readers: the start, the end of each day, the end', () => {
    expect(weekChartWords(WEEK, DEBT)).toEqual([
      'Start, Mon 08:00: debt 60,000 kr, 50 h left.',
      'End of Tuesday: debt 90,000 kr, 16 h left.',
      'End, Wed 20:00: debt 145,000 kr, overdue 1 h.',
    ]);
    expect(weekChartWords(WEEK.slice(0, 1), DEBT)).toEqual([]);
  });

  it('reads a run: one point per step, from the opening state', () => {
    const story = storyFrom(TINY_SOURCE);
    let session = openSession(story, { seed: 1 });
    const next = chooseOpen(session, 0);
    if (typeof next === 'string') throw new Error(next);
    session = next;
    const points = runSeries(story, { start: { seed: 1 }, taken: session.step.state.taken });
    expect(points).toHaveLength(2);
    expect(points[0]).toEqual({ clock: 8 * 60, debt: 1000, minutesLeft: 4 * 60 });
    const cost = listChoices(story, openSession(story, { seed: 1 }).step.state)[0]!.cost;
    expect(points[1]!.clock).toBe(8 * 60 + cost);
  });
});
