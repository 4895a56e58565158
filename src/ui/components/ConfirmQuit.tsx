import { Text } from 'ink';

const FULL = 'Quit this run? y: quit · n: keep playing';
const SHORT = 'Quit? y: yes · n: no';

/** Asked on `q`, so a stray key never throws a run away: one line, the short form when narrow. */
export function ConfirmQuit({ width = Number.POSITIVE_INFINITY }: { width?: number }) {
  return (
    <Text color="yellow" bold wrap="truncate-end">
      {width >= FULL.length ? FULL : SHORT}
    </Text>
  );
}
