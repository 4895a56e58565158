import { Box, Text } from 'ink';
import type { Story } from '../../story/types.js';
import type { GameState } from '../../engine/index.js';
import { debugValues } from '../../present/debug-values.js';

export interface DebugPanelProps {
  story: Story;
  state: GameState;
  width: number;
}

/** `--debug`: every variable and flag, for authors checking a story. */
export function DebugPanel({ story, state, width }: DebugPanelProps) {
  return (
    <Box flexDirection="column" width={width} borderStyle="single" borderColor="magenta" paddingX={1}>
      <Text color="magenta" bold>
        debug
      </Text>
      {debugValues(story, state).map(({ name, value }) => (
        <Text key={name} wrap="truncate-end">
          {name}={value}
        </Text>
      ))}
    </Box>
  );
}
