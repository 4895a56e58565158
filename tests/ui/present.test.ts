import { describe, expect, it } from 'vitest';
import { readMeters, startGame, takeChoice } from '../../src/engine/index.js';
import { formatCost, formatDayClock } from '../../src/present/format-meters.js';
import {
  debtDanger,
  debtFraction,
  formatBar,
  nextDeadlineWindow,
  timeDanger,
  timeFraction,
} from '../../src/present/meter-danger.js';
import { debugValues } from '../../src/present/debug-values.js';
import { loadStory } from './helpers.js';

describe('meter helpers', () => {
  const story = loadStory();
  const start = startGame(story, { seed: 1 });
  const meters = readMeters(story, start.state);

  it('draws bars of the asked width, any fill showing', () => {
    expect(formatBar(0.5, 10)).toBe('█████░░░░░');
    expect(formatBar(0.01, 10)).toBe('█░░░░░░░░░');
    expect(formatBar(0, 4)).toBe('░░░░');
    expect(formatBar(2, 3)).toBe('███');
    expect(formatBar(0.5, 0)).toBe('');
  });

  it('measures debt against the story ceiling and warns as it nears', () => {
    expect(debtFraction(meters)).toBeCloseTo(1000 / 5000);
    expect(debtDanger(meters)).toBe('calm');
    expect(debtDanger({ ...meters, debt: 3000 })).toBe('warn');
    expect(debtDanger({ ...meters, debt: 4500 })).toBe('danger');
  });

  it('measures time against the deadline window', () => {
    const window = nextDeadlineWindow(null, meters);
    expect(window).toEqual({ deadline: meters.deadline, length: 240 });
    expect(timeFraction(meters, window)).toBe(1);
    expect(timeDanger(meters, window)).toBe('warn'); // four hours is already close
    expect(timeDanger({ ...meters, minutesLeft: 100 }, window)).toBe('danger');
    expect(timeDanger({ ...meters, minutesLeft: -5 }, window)).toBe('danger');
    expect(timeDanger({ ...meters, minutesLeft: 3000 }, { deadline: 0, length: 3000 })).toBe('calm');
  });

  it('keeps the window while the deadline holds, refills it when pushed back, keeps it when cut short', () => {
    const window = nextDeadlineWindow(null, meters);
    const later = takeChoice(story, start.state, 'count');
    if (!later.ok) throw new Error(later.reason);
    expect(nextDeadlineWindow(window, readMeters(story, later.state))).toBe(window);
    const pushed = nextDeadlineWindow(window, { ...meters, deadline: meters.deadline + 600, minutesLeft: 840 });
    expect(pushed.length).toBe(840);
    const cut = nextDeadlineWindow(window, { ...meters, deadline: meters.deadline - 60, minutesLeft: 180 });
    expect(cut.length).toBe(240);
  });

  it('formats the day and the cost of a choice', () => {
    expect(formatDayClock(meters.clock)).toBe('Day 1 · Monday 08:00');
    expect(formatCost(5)).toBe('5 m');
    expect(formatCost(90)).toBe('1 h 30 m');
  });

  it('lists every variable and flag for --debug', () => {
    expect(debugValues(story, start.state).map((v) => `${v.name}=${v.value}`)).toEqual([
      'scene=kitchen',
      'clock=Mon 08:00',
      'day=1',
      'debt=1,000',
      'deadline=Mon 12:00',
      'cash=200',
      'nerve=1',
      'called_mother=no',
    ]);
  });
});
