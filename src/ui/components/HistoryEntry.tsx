import { Box, Text } from 'ink';
import type { Story } from '../../story/types.js';
import type { HistoryItem } from '../../play/session.js';
import { wrapText } from '../../text/wrap-text.js';
import { ACCENT } from '../theme.js';
import { EndingScreen } from './EndingScreen.js';

export interface HistoryEntryProps {
  item: HistoryItem;
  story: Story;
  width: number;
}

/** One finished piece of the run, printed once above the live screen. */
export function HistoryEntry({ item, story, width }: HistoryEntryProps) {
  switch (item.kind) {
    case 'title':
      return (
        <Box flexDirection="column" width={width} marginBottom={1}>
          <Text bold>{wrapText(item.title, width).join('\n')}</Text>
          {item.note && <NoteLines note={item.note} width={width} />}
          <Text dimColor>
            {wrapText(`Seed ${item.seed} (play this run again with --seed ${item.seed})`, width).join('\n')}
          </Text>
        </Box>
      );
    case 'scene':
      return (
        <Box flexDirection="column" width={width}>
          {item.paragraphs.map((text, i) => (
            <Box key={i} marginBottom={1}>
              <Text>{wrapText(text, width).join('\n')}</Text>
            </Box>
          ))}
        </Box>
      );
    case 'pick':
      return (
        <Box flexDirection="column" width={width} marginBottom={1}>
          <Box>
            <Box width={2} flexShrink={0}>
              <Text color={ACCENT}>{'\u203a'}</Text>
            </Box>
            <Text color={ACCENT}>{wrapText(item.label, width - 2).join('\n')}</Text>
          </Box>
          {item.moved && (
            <Box paddingLeft={1}>
              <Text dimColor>{wrapText(item.moved, width - 1).join('\n')}</Text>
            </Box>
          )}
        </Box>
      );
    case 'notice':
      return (
        <Box width={width} marginBottom={1}>
          <Text color="yellow">{wrapText(item.text, width).join('\n')}</Text>
        </Box>
      );
    case 'ending':
      return <EndingScreen story={story} state={item.state} start={item.start} width={width} />;
  }
}

const NOTE_LABEL = 'Content note:';

/** The content note under the title, wrapped here (Ink's wrapping starts lines with a space), its label bold. */
function NoteLines({ note, width }: { note: string; width: number }) {
  const text = wrapText(`${NOTE_LABEL} ${note}`, width).join('\n');
  if (!text.startsWith(NOTE_LABEL)) return <Text>{text}</Text>;
  return (
    <Text>
      <Text bold>{NOTE_LABEL}</Text>
      {text.slice(NOTE_LABEL.length)}
    </Text>
  );
}
