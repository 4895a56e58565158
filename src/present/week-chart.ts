// The week drawn at the end of a run: debt and time left over the days, one sparkline per
// meter above a row of day marks, fitted to a width; and the same in words, one line a day,
// for screen readers. Pure: a run's states in, lines out.
import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { readMeters, type MoneyMeter } from '../engine/meters.js';
import { replayRun, type Run } from '../engine/run.js';
import { formatMoney, formatTimeLeft } from './format-meters.js';
import { DAY_NAMES, MINUTES_PER_DAY, formatDayName, formatWeekTime } from '../story/week-time.js';

/** One step of a run, as the meters read it. */
export interface WeekPoint {
  clock: number;
  debt: number;
  minutesLeft: number;
}

/** The meters at every step of a run, from its opening state on. */
export function weekSeries(story: Story, states: GameState[]): WeekPoint[] {
  return states.map((state) => {
    const meters = readMeters(story, state);
    return { clock: state.clock, debt: meters.debt, minutesLeft: meters.minutesLeft };
  });
}

/** The meters at every step of a finished (or stopped) run, replayed. */
export function runSeries(story: Story, run: Run): WeekPoint[] {
  return weekSeries(
    story,
    replayRun(story, run, false).steps.map((step) => step.state),
  );
}

const BLOCKS = '\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588';
const LABEL_WIDTH = 6;
/** Below this many columns of chart, a sparkline says nothing. */
const MIN_COLUMNS = 8;

/** The moment column `i` of `columns` stands for: the first is the run's start, the last its end. */
function momentOf(start: number, span: number, i: number, columns: number): number {
  return start + (i * span) / (columns - 1);
}

/** The point in force at each of `columns` moments spread evenly over the run's span of time. */
function sample(points: WeekPoint[], columns: number): WeekPoint[] {
  const start = points[0]!.clock;
  const span = points[points.length - 1]!.clock - start;
  const out: WeekPoint[] = [];
  let at = 0;
  for (let i = 0; i < columns; i++) {
    const moment = momentOf(start, span, i, columns);
    while (at + 1 < points.length && points[at + 1]!.clock <= moment) at++;
    out.push(points[at]!);
  }
  return out;
}

/** Values as block heights, the lowest value of the run at the bottom, the highest at the top. */
function sparkline(values: number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return values
    .map((value) => BLOCKS[high === low ? 3 : Math.round(((value - low) / (high - low)) * (BLOCKS.length - 1))]!)
    .join('');
}

/** Day names placed under the column where each day begins; a name that would overlap is left out. */
function dayMarks(start: number, end: number, columns: number): string {
  const marks = Array.from({ length: columns }, () => ' ');
  const span = end - start;
  let free = 0;
  const place = (column: number, name: string) => {
    if (column < free || column + name.length > columns) return;
    for (let i = 0; i < name.length; i++) marks[column + i] = name[i]!;
    free = column + name.length + 1;
  };
  place(0, DAY_NAMES[Math.floor(start / MINUTES_PER_DAY)] ?? '');
  for (let day = Math.floor(start / MINUTES_PER_DAY) + 1; day * MINUTES_PER_DAY <= end; day++) {
    // the first column whose moment is in the new day
    const column = span === 0 ? 0 : Math.ceil(((day * MINUTES_PER_DAY - start) / span) * (columns - 1));
    place(column, DAY_NAMES[day] ?? `D${day + 1}`);
  }
  return marks.join('').trimEnd();
}

export interface ChartRow {
  kind: 'money' | 'time';
  /** the money meter's label (`Debt`), `Time` */
  label: string;
  line: string;
  /** the range the line spans, in words: `60,000 kr to 145,000 kr` */
  range: string;
}

export interface WeekChart {
  rows: ChartRow[];
  /** day names under the columns where days begin */
  days: string;
  /** the width the label column takes before each line */
  labelWidth: number;
}

/** `60,000 kr to 145,000 kr`, from the lowest to the highest; `1,000 kr throughout` when it never moved. */
function rangeWords(values: number[], format: (value: number) => string): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? `${format(low)} throughout` : `${format(low)} to ${format(high)}`;
}

/** The chart fitted to `width` columns, or null when there is too little to draw; `money` is the story's money meter. */
export function weekChart(points: WeekPoint[], width: number, money: MoneyMeter | null): WeekChart | null {
  const labelWidth = Math.max(LABEL_WIDTH, (money?.label.length ?? 0) + 2);
  const columns = width - labelWidth;
  if (points.length < 2 || columns < MIN_COLUMNS) return null;
  const sampled = sample(points, columns);
  const debts = points.map((point) => point.debt);
  const lefts = points.map((point) => point.minutesLeft);
  const moneyRow: ChartRow[] = money
    ? [
        {
          kind: 'money' as const,
          label: money.label,
          line: sparkline(sampled.map((point) => point.debt)),
          range: rangeWords(debts, (value) => formatMoney(value, money.unit)),
        },
      ]
    : [];
  return {
    rows: [
      ...moneyRow,
      {
        kind: 'time',
        label: 'Time',
        line: sparkline(sampled.map((point) => point.minutesLeft)),
        range: rangeWords(lefts, formatTimeLeft),
      },
    ],
    days: dayMarks(points[0]!.clock, points[points.length - 1]!.clock, columns),
    labelWidth,
  };
}

/** The chart as lines of plain text: each meter's line with its label, its range below it where it fits, then the days. */
export function weekChartLines(points: WeekPoint[], width: number, money: MoneyMeter | null): string[] {
  const chart = weekChart(points, width, money);
  if (!chart) return [];
  const pad = ' '.repeat(chart.labelWidth);
  return [
    ...chart.rows.flatMap((row) => [
      `${row.label.padEnd(chart.labelWidth)}${row.line}`,
      ...(pad.length + row.range.length <= width ? [`${pad}${row.range}`] : []),
    ]),
    `${pad}${chart.days}`,
  ];
}

/**
 * The week in words, for screen readers: where each day ended (the last step of the day),
 * `Monday: debt 60,000 kr, 59 h left`, then the end of the run.
 */
export function weekChartWords(points: WeekPoint[], money: MoneyMeter | null): string[] {
  if (points.length < 2) return [];
  const lines: string[] = [];
  const name = money ? `${money.label.charAt(0).toLowerCase()}${money.label.slice(1)}` : '';
  const say = (point: WeekPoint) =>
    `${money ? `${name} ${formatMoney(point.debt, money.unit)}, ` : ''}${formatTimeLeft(point.minutesLeft)}`;
  lines.push(`Start, ${formatWeekTime(points[0]!.clock)}: ${say(points[0]!)}.`);
  for (let i = 1; i < points.length - 1; i++) {
    const point = points[i]!;
    const next = points[i + 1]!;
    if (Math.floor(point.clock / MINUTES_PER_DAY) !== Math.floor(next.clock / MINUTES_PER_DAY))
      lines.push(`End of ${formatDayName(point.clock)}: ${say(point)}.`);
  }
  const last = points[points.length - 1]!;
  lines.push(`End, ${formatWeekTime(last.clock)}: ${say(last)}.`);
  return lines;
}
