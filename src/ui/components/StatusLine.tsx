import { Text } from 'ink';
import type { MeterDeltas, Meters } from '../../engine/index.js';
import { formatStatusValue } from '../../present/format-meters.js';
import { groupThousands } from '../../story/format-value.js';
import { stripControl } from '../../text/strip-control.js';
import { wrapText } from '../../text/wrap-text.js';

export interface StatusLineProps {
  status: Meters['status'];
  deltas: MeterDeltas['status'];
  /** the columns it is wrapped to (here: Ink's wrapping starts lines with a space) */
  width?: number;
}

const MINUS = '\u2212';

function signed(delta: number | boolean, unit: string | null): string {
  if (typeof delta === 'boolean') return delta ? 'now yes' : 'now no';
  return `${delta < 0 ? MINUS : '+'}${groupThousands(Math.abs(delta))}${unit ? ` ${unit}` : ''}`;
}

/** The other values the story shows (cash, heat): one wrapped line, changes in brackets. */
export function StatusLine({ status, deltas, width = Number.POSITIVE_INFINITY }: StatusLineProps) {
  if (status.length === 0) return null;
  const parts = status.map((entry) => {
    const moved = deltas.find((delta) => delta.name === entry.name);
    const value = formatStatusValue(entry.value, entry.type, entry.unit ? stripControl(entry.unit) : null);
    const change = moved ? ` (${signed(moved.delta, moved.unit ? stripControl(moved.unit) : null)})` : '';
    return `${stripControl(entry.label)} ${value}${change}`;
  });
  const text = parts.join(' · ');
  return <Text>{Number.isFinite(width) ? wrapText(text, width).join('\n') : text}</Text>;
}
