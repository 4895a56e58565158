import { Box, Text } from 'ink';
import { wrapText } from '../../text/wrap-text.js';

export interface HelpOverlayProps {
  width: number;
  tiny: boolean;
  /** the most lines it may take, border included */
  maxRows?: number;
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
  ['Ctrl+Z', 'suspend (fg comes back)'],
  ['Ctrl+C', 'quit now'],
];
const KEY_WIDTH = 14;
const TITLE = 'Keys';
const FOOTER = 'Any key goes back to the game.';

interface HelpLayout {
  border: boolean;
  /** each key's description, as the lines it is shown on */
  rows: Array<[string, string[]]>;
  height: number;
}

/**
 * How the help fits `maxRows`: with its border and every description whole when there is
 * room; else without the border, then one line per key, then as many keys as fit.
 */
function helpLayout(width: number, tiny: boolean, maxRows: number): HelpLayout {
  const attempt = (border: boolean, whole: boolean): HelpLayout => {
    const inner = Math.max(1, width - (border ? 4 : 0) - KEY_WIDTH);
    const rows = KEYS.map(([key, what]): [string, string[]] => {
      const lines = wrapText(what, inner);
      return [key, whole || lines.length === 1 ? lines : [`${lines[0]}\u2026`]];
    });
    const height = 2 + (border ? 2 : 0) + rows.reduce((sum, [, lines]) => sum + lines.length, 0);
    return { border, rows, height };
  };
  const tries = tiny
    ? [attempt(false, true), attempt(false, false)]
    : [attempt(true, true), attempt(false, true), attempt(false, false)];
  const fitting = tries.find((layout) => layout.height <= maxRows);
  if (fitting) return fitting;
  const last = tries.at(-1)!;
  const rows = last.rows.slice(0, Math.max(0, maxRows - 2));
  return { border: false, rows, height: rows.length + 2 };
}

/** The lines the whole help takes at `width` (what it needs to show every key). */
export function helpHeight(width: number, tiny: boolean): number {
  return helpLayout(width, tiny, Number.POSITIVE_INFINITY).height;
}

/** The keys, shown in place of the choices until any key is pressed. */
export function HelpOverlay({ width, tiny, maxRows = Number.POSITIVE_INFINITY }: HelpOverlayProps) {
  const { border, rows } = helpLayout(width, tiny, maxRows);
  return (
    <Box flexDirection="column" width={width} borderStyle={border ? 'single' : undefined} paddingX={border ? 1 : 0}>
      <Text bold>{TITLE}</Text>
      {rows.map(([key, lines]) => (
        <Box key={key}>
          <Box width={KEY_WIDTH} flexShrink={0}>
            <Text bold wrap="truncate-end">
              {key}
            </Text>
          </Box>
          <Text wrap="truncate-end">{lines.join('\n')}</Text>
        </Box>
      ))}
      <Text dimColor wrap="truncate-end">
        {FOOTER}
      </Text>
    </Box>
  );
}
