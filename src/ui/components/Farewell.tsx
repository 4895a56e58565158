import { Text } from 'ink';
import { formatWeekTime } from '../../story/week-time.js';

export interface FarewellProps {
  clock: number;
  seed: number;
  ended: boolean;
  /** left at the Continue / New game prompt: no run of this sitting started */
  atOffer?: boolean;
}

/** The last frame: a whole line, so the terminal is never left with half a screen drawn. */
export function Farewell({ clock, seed, ended, atOffer = false }: FarewellProps) {
  if (atOffer) return <Text dimColor>The unfinished run is kept: pusher play --continue picks it up.</Text>;
  if (ended) return <Text dimColor>Seed {seed}. Goodbye.</Text>;
  return (
    <Text dimColor>
      You stopped at {formatWeekTime(clock)}. Seed {seed}: play it again with --seed {seed}.
    </Text>
  );
}
