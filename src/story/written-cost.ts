import type { Choice } from './types.js';
import { formatDuration, formatWeekTime } from './week-time.js';

/** A choice's cost as written in its brackets: `15m`, `30m-2h`, `until 21:00`. */
export function writtenCost(choice: Pick<Choice, 'cost' | 'declared'>): string {
  const declared = choice.declared;
  if (declared?.kind === 'range') return `${formatDuration(declared.min)}-${formatDuration(declared.max)}`;
  if (declared?.kind === 'until') return `until ${formatWeekTime(declared.at).slice(-5)}`;
  return formatDuration(choice.cost);
}
