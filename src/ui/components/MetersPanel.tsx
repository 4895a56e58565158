import { Box, Text } from 'ink';
import type { MeterDeltas, Meters } from '../../engine/index.js';
import {
  formatDayClock,
  formatMoney,
  formatSignedDuration,
  formatSignedMoney,
  formatTimeLeft,
} from '../../present/format-meters.js';
import { debtDanger, debtFraction, timeDanger, timeFraction, type DeadlineWindow } from '../../present/meter-danger.js';
import { formatWeekTime } from '../../story/week-time.js';
import type { Layout } from '../layout.js';
import { BAD, GOOD } from '../theme.js';
import { MeterBar } from './MeterBar.js';
import { StatusLine } from './StatusLine.js';

export interface MetersPanelProps {
  meters: Meters;
  /** what the last choice moved; null before the first */
  deltas: MeterDeltas | null;
  window: DeadlineWindow;
  layout: Layout;
  sr: boolean;
}

/** Day, clock, the debt and time meters with bars, and the visible status values. */
export function MetersPanel({ meters, deltas, window, layout, sr }: MetersPanelProps) {
  const border = !layout.tiny && !sr;
  // inside a round border with one column of padding each side
  const inner = Math.max(1, layout.width - (border ? 4 : 0));
  const debtDelta = deltas?.debt
    ? { text: formatSignedMoney(deltas.debt, meters.money?.unit ?? null), colour: deltas.debt > 0 ? BAD : GOOD }
    : null;
  const timeDelta = deltas?.minutesLeft
    ? { text: formatSignedDuration(deltas.minutesLeft), colour: deltas.minutesLeft < 0 ? 'yellow' : GOOD }
    : null;
  const deadline = meters.time ? `${meters.timeLabel} ${formatWeekTime(meters.deadline)}` : '';
  return (
    <Box
      flexDirection="column"
      width={layout.width}
      borderStyle={border ? 'round' : undefined}
      borderDimColor
      paddingX={border ? 1 : 0}
    >
      <Box justifyContent="space-between">
        <Text bold>{formatDayClock(meters.clock)}</Text>
        {deadline && (sr ? <Text>{`The ${deadline}.`}</Text> : !layout.narrow && <Text dimColor>{deadline}</Text>)}
      </Box>
      {meters.money && (
        <MeterBar
          label={meters.money.label}
          value={formatMoney(meters.debt, meters.money.unit)}
          fraction={debtFraction(meters)}
          danger={debtDanger(meters)}
          delta={debtDelta}
          width={inner}
          narrow={layout.narrow}
          sr={sr}
        />
      )}
      {meters.time && (
        <MeterBar
          label="Time"
          value={formatTimeLeft(meters.minutesLeft)}
          fraction={timeFraction(meters, window)}
          danger={timeDanger(meters, window)}
          delta={timeDelta}
          width={inner}
          narrow={layout.narrow}
          detail={`by ${formatWeekTime(meters.deadline)}`}
          sr={sr}
        />
      )}
      <StatusLine status={meters.status} deltas={deltas?.status ?? []} width={inner} />
    </Box>
  );
}
