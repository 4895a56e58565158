import { Text } from 'ink';

export type HintMode = 'typing' | 'choosing' | 'ending';

export interface KeyHintProps {
  mode: HintMode;
  /** the short form, for narrow terminals */
  short: boolean;
  /** the columns it has: the short form too when the full one would wrap */
  width?: number;
}

const HINTS: Record<HintMode, { full: string; short: string }> = {
  typing: { full: 'any key: show it all', short: 'any key: skip' },
  choosing: {
    full: '1-9 \u2191\u2193 Enter: choose · u undo · b map · e endings · s saves · ? keys · q quit',
    short: '1-9 · u undo · b map · ? keys · q quit',
  },
  ending: {
    full: 'Enter or r: play again with a new seed · u undo · b map · e endings · q quit',
    short: 'r: again · u: undo · q: quit',
  },
};

/** One dim line saying which keys do something now. */
export function KeyHint({ mode, short, width = Number.POSITIVE_INFINITY }: KeyHintProps) {
  const hint = HINTS[mode];
  return (
    <Text dimColor wrap="truncate-end">
      {short || hint.full.length > width ? hint.short : hint.full}
    </Text>
  );
}
