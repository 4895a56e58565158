import type { ChoiceView, RealCost } from '../engine/game-state.js';
import { formatWeekTime } from '../story/week-time.js';
import { formatCost } from './format-meters.js';

const EN_DASH = '\u2013';

/** The clock as a player reads it beside a choice: `21:00`, or `Tue 08:00` when the day changes. */
function clockFrom(start: number, clock: number): string {
  const sameDay = Math.floor(start / 1440) === Math.floor(clock / 1440);
  const text = formatWeekTime(clock);
  return sameDay ? text.slice(-5) : text;
}

/**
 * What a choice costs, as shown beside it: `10 m`, `30 m–2 h`, `until 21:00`, and a word
 * when it runs past the deadline (`2 h, past the deadline`). The real cost when a tool
 * worked it out, else the written one.
 */
export function formatChoiceCost(choice: Pick<ChoiceView, 'cost' | 'realCost'>): string {
  return choice.realCost ? formatRealCost(choice.realCost) : formatCost(choice.cost);
}

export function formatRealCost(real: RealCost): string {
  const now = real.start;
  let text: string;
  if (real.until) {
    const from = clockFrom(now, real.until.from);
    text =
      real.until.from === real.until.to ? `until ${from}` : `until ${from}${EN_DASH}${clockFrom(now, real.until.to)}`;
  } else {
    text = real.min === real.max ? formatCost(real.min) : `${formatCost(real.min)}${EN_DASH}${formatCost(real.max)}`;
  }
  if (real.deadline === 'always') text += ', past the deadline';
  else if (real.deadline === 'maybe') text += ', may pass the deadline';
  return text;
}
