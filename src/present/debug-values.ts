import type { Story, Value } from '../story/types.js';
import type { GameState, Step } from '../engine/game-state.js';
import { formatValue } from '../story/format-value.js';
import { formatWeekTime, dayOf } from '../story/week-time.js';
import { stripControl } from '../text/strip-control.js';

interface Snapshot {
  scene: string;
  clock: number;
  vars: Record<string, Value>;
  returns?: readonly string[];
}

/** The clock, the day and every variable and flag, in declaration order, for `--debug`: `debt=1,000`. */
function valuesOf(story: Story, at: Snapshot): Array<{ name: string; value: string }> {
  return [
    { name: 'scene', value: stripControl(at.scene) },
    { name: 'clock', value: formatWeekTime(at.clock) },
    { name: 'day', value: String(dayOf(at.clock)) },
    ...(at.returns?.length ? [{ name: 'returns', value: at.returns.join(',') }] : []),
    ...story.varOrder.map((name) => ({ name, value: formatValue(at.vars[name]!, story.vars[name]!.type) })),
  ];
}

/** Every value of a state at a choice point or an ending. */
export function debugValues(story: Story, state: GameState): Array<{ name: string; value: string }> {
  return valuesOf(story, state);
}

/**
 * One `[debug]` line for every scene a step passed through before it came to rest (jumps,
 * chance and events included), and for the ending it reached: a choice point's own line is
 * printed with its choices.
 */
export function debugTrace(story: Story, step: Step): string[] {
  const trace = step.trace ?? [];
  const passed = step.state.ending ? trace : trace.slice(0, -1);
  const lines = passed.map((entry) => {
    const how = entry.via === 'event' ? 'event ->' : 'entered';
    return `[debug] ${how} ${line(valuesOf(story, entry))}`;
  });
  if (step.state.ending) lines.push(`[debug] ending ${line(valuesOf(story, step.state))}`);
  return lines;
}

function line(values: Array<{ name: string; value: string }>): string {
  return values.map(({ name, value }) => `${name}=${value}`).join(' ');
}
