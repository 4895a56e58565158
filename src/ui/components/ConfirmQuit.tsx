import { Text } from 'ink';

/** Asked on `q`, so a stray key never throws a run away. */
export function ConfirmQuit() {
  return (
    <Text color="yellow" bold>
      Quit this run? y: quit · n: keep playing
    </Text>
  );
}
