import { Box, Text } from 'ink';
import type { Story } from '../../story/types.js';
import type { GameState } from '../../engine/index.js';
import { debugValues } from '../../present/debug-values.js';
import { debugGrid } from '../layout.js';

export interface DebugPanelProps {
  story: Story;
  state: GameState;
  width: number;
  /** the most lines it may take, border included: a real story has dozens of variables */
  maxHeight: number;
}

/** `--debug`: every variable and flag in columns, for authors checking a story. */
export function DebugPanel({ story, state, width, maxHeight }: DebugPanelProps) {
  const values = debugValues(story, state).map(({ name, value }) => `${name}=${value}`);
  const grid = debugGrid(values, width, maxHeight);
  const shown = values.slice(0, grid.shown);
  return (
    <Box flexDirection="column" width={width} borderStyle="single" borderColor="magenta" paddingX={1} flexShrink={0}>
      <Text color="magenta" bold>
        debug
      </Text>
      <Box flexWrap="wrap">
        {shown.map((entry) => (
          <Box key={entry} width={grid.cell}>
            <Text wrap="truncate-end">{entry}</Text>
          </Box>
        ))}
      </Box>
      {grid.shown < values.length && (
        <Text dimColor>+{values.length - grid.shown} more (make the terminal taller)</Text>
      )}
    </Box>
  );
}
