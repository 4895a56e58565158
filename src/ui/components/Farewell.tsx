import { Text } from 'ink';
import { formatWeekTime } from '../../story/week-time.js';
import { wrapText } from '../../text/wrap-text.js';

export interface FarewellProps {
  clock: number;
  seed: number;
  ended: boolean;
  /** left at the Continue / New game prompt: no run of this sitting started */
  atOffer?: boolean;
  /** the columns it is wrapped to (here, not by Ink, whose wrapping starts lines with a space) */
  width?: number;
}

/** The last frame: a whole line, so the terminal is never left with half a screen drawn. */
export function Farewell({ clock, seed, ended, atOffer = false, width = 80 }: FarewellProps) {
  const text = atOffer
    ? 'The unfinished run is kept: pusher play --continue picks it up.'
    : ended
      ? `Seed ${seed}. Goodbye.`
      : `You stopped at ${formatWeekTime(clock)}. Seed ${seed}: play it again with --seed ${seed}.`;
  return <Text dimColor>{wrapText(text, width).join('\n')}</Text>;
}
