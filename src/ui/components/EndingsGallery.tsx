import { Box, Text } from 'ink';
import { gallerySummary, shortDate, type Gallery } from '../../save/gallery.js';
import { stripControl } from '../../text/strip-control.js';
import { BAD } from '../theme.js';

export interface EndingsGalleryProps {
  gallery: Gallery;
  width: number;
  /** the most ending rows that fit */
  maxRows: number;
}

/** Every ending of the story: the found ones by title and date, the rest as ???. */
export function EndingsGallery({ gallery, width, maxRows }: EndingsGalleryProps) {
  const rows = gallery.entries.slice(0, Math.max(1, maxRows));
  const hidden = gallery.entries.length - rows.length;
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
      {hidden > 0 && <Text dimColor> … and {hidden} more</Text>}
      <Text>{gallerySummary(gallery)}</Text>
      <Text dimColor>Any key goes back to the game.</Text>
    </Box>
  );
}
