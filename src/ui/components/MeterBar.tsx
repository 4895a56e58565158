import { Box, Text } from 'ink';
import { formatBar, type Danger } from '../../present/meter-danger.js';
import { DANGER_COLOUR, DANGER_WORDS } from '../theme.js';

export interface MeterBarProps {
  label: string;
  /** the reading: `61,000 kr`, `3 h left` */
  value: string;
  fraction: number;
  danger: Danger;
  /** what the last choice did to it, `+1,000 kr`; null when it did not move */
  delta: { text: string; colour: string } | null;
  /** columns available inside the panel */
  width: number;
  /** put the bar on its own line */
  narrow: boolean;
  /** said after the reading when narrow, where no header line has room for it: `by Mon 12:00` */
  detail?: string;
  sr: boolean;
}

const LABEL = 6;
const VALUE = 13;
const DELTA = 12;

/** One meter: its name, its reading, a bar coloured by danger, and the last change. */
export function MeterBar({ label, value, fraction, danger, delta, width, narrow, detail, sr }: MeterBarProps) {
  if (sr) {
    const moved = delta ? `, ${delta.text}` : '';
    return <Text>{`${label}: ${value}${moved}${DANGER_WORDS[danger]}.`}</Text>;
  }
  const colour = DANGER_COLOUR[danger];
  if (narrow) {
    return (
      <Box flexDirection="column">
        <Box flexWrap="wrap">
          <Text bold>{label} </Text>
          <Text color={colour}>{value}</Text>
          {delta && <Text color={delta.colour}> {delta.text}</Text>}
          {detail && <Text dimColor> {detail}</Text>}
        </Box>
        <Text color={colour}>{formatBar(fraction, width)}</Text>
      </Box>
    );
  }
  const barWidth = Math.max(4, width - LABEL - VALUE - DELTA - 2);
  return (
    <Box>
      <Box width={LABEL} flexShrink={0}>
        <Text bold>{label}</Text>
      </Box>
      <Box width={VALUE} flexShrink={0}>
        <Text color={colour}>{value}</Text>
      </Box>
      <Text color={colour}>{formatBar(fraction, barWidth)}</Text>
      <Box width={DELTA + 2} flexShrink={0} justifyContent="flex-end">
        {delta && <Text color={delta.colour}>{delta.text}</Text>}
      </Box>
    </Box>
  );
}
