import { Box, Text } from 'ink';

export interface ContentNoteProps {
  /** the story's content note, already stripped of control sequences */
  note: string;
  width: number;
  tiny: boolean;
}

/** The story's content note, once, before the first scene: nothing plays until a key is pressed. */
export function ContentNote({ note, width, tiny }: ContentNoteProps) {
  return (
    <Box flexDirection="column" width={width} borderStyle={tiny ? undefined : 'round'} paddingX={tiny ? 0 : 1}>
      <Text bold>Content note</Text>
      <Text>{note}</Text>
      <Text dimColor>Press any key to begin, Ctrl+C to leave.</Text>
    </Box>
  );
}
