import { Box, Text } from 'ink';
import { revealParagraphs } from '../reveal.js';

export interface SceneTextProps {
  /** prose from the engine: already interpolated and stripped of control sequences */
  paragraphs: string[];
  width: number;
  /** characters revealed so far by the typewriter */
  shown: number;
}

/** The scene's prose, wrapped to the width and revealed up to `shown` characters. */
export function SceneText({ paragraphs, width, shown }: SceneTextProps) {
  const revealed = revealParagraphs(paragraphs, width, shown);
  return (
    <Box flexDirection="column" width={width}>
      {revealed.map((lines, i) => (
        <Box key={i} marginBottom={1}>
          <Text>{lines.join('\n')}</Text>
        </Box>
      ))}
    </Box>
  );
}
