import { Box, Text } from 'ink';
import { gallerySummary, shortDate, type Gallery } from '../../save/gallery.js';
import { stripControl } from '../../text/strip-control.js';
import { wrapText } from '../../text/wrap-text.js';
import { BAD } from '../theme.js';

export interface EndingsGalleryProps {
  gallery: Gallery;
  width: number;
  /** the most lines it may take, title and footer included */
  maxRows: number;
}

/** Every ending of the story: the found ones by title and date, the rest as ???. */
export function EndingsGallery({ gallery, width, maxRows }: EndingsGalleryProps) {
  const summary = wrapText(gallerySummary(gallery), width);
  // title, summary and footer always; the "and N more" line only when something is left out
  const fixed = 2 + summary.length;
  const all = gallery.entries.length;
  const room = Math.max(1, maxRows - fixed);
  const rows = gallery.entries.slice(0, all <= room ? all : Math.max(1, room - 1));
  const hidden = all - rows.length;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>Endings</Text>
      {rows.map((entry, i) => (
        <Box key={i}>
          {entry.title === null ? (
            <Text dimColor> ???</Text>
          ) : (
            <Text wrap="truncate-end">
              <Text color={BAD}> {stripControl(entry.title)}</Text>
              <Text dimColor> {shortDate(entry.found!)}</Text>
            </Text>
          )}
        </Box>
      ))}
      {hidden > 0 && (
        <Text dimColor wrap="truncate-end">
          {' '}
          … and {hidden} more
        </Text>
      )}
      <Text>{summary.join('\n')}</Text>
      <Text dimColor wrap="truncate-end">
        Any key goes back to the game.
      </Text>
    </Box>
  );
}
