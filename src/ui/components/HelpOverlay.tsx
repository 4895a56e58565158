import { Box, Text } from 'ink';

export interface HelpOverlayProps {
  width: number;
  tiny: boolean;
}

const KEYS: Array<[string, string]> = [
  ['1-9', 'take that choice'],
  ['\u2191 \u2193  j k', 'move the highlight'],
  ['Enter', 'take the highlighted choice'],
  ['any key', 'skip the typing'],
  ['u  Backspace', 'undo the last choice (again and again)'],
  ['b', 'branch map: go back and choose otherwise'],
  ['e', 'endings found so far'],
  ['s', 'save or load a named slot'],
  ['?', 'show or hide this help'],
  ['q', 'quit (asks first)'],
  ['Ctrl+C', 'quit now'],
];

/** The keys, shown in place of the choices until any key is pressed. */
export function HelpOverlay({ width, tiny }: HelpOverlayProps) {
  return (
    <Box flexDirection="column" width={width} borderStyle={tiny ? undefined : 'single'} paddingX={tiny ? 0 : 1}>
      <Text bold>Keys</Text>
      {KEYS.map(([key, what]) => (
        <Box key={key}>
          <Box width={14} flexShrink={0}>
            <Text bold>{key}</Text>
          </Box>
          <Text>{what}</Text>
        </Box>
      ))}
      <Text dimColor>Any key goes back to the game.</Text>
    </Box>
  );
}
