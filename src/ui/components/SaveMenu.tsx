import { Box, Text } from 'ink';
import type { SlotRead } from '../../save/save-store.js';
import { formatWeekTime } from '../../story/week-time.js';
import { ACCENT } from '../theme.js';
import { plural } from '../../text/plural.js';

export interface SaveMenuProps {
  slots: SlotRead[];
  selected: number;
  /** the name being typed, or null while choosing a slot */
  naming: string | null;
  width: number;
  /** the most lines it may take, title and hints included */
  maxRows: number;
}

/** Named saves: load one, or save this run under a new name. */
export function SaveMenu({ slots, selected, naming, width, maxRows }: SaveMenuProps) {
  // the title, and one hint line (or the name being typed and its hint)
  const room = Math.max(1, maxRows - (naming === null ? 2 : 3));
  const first = Math.max(0, Math.min(selected - Math.floor(room / 2), slots.length - room));
  const shown = slots.slice(first, first + room);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>Saves</Text>
      {slots.length === 0 && <Text dimColor> No saves yet.</Text>}
      {shown.map((slot, i) => {
        const n = first + i;
        const on = n === selected && naming === null;
        const about = slot.ok
          ? `${slot.save.ending ? `ended (${slot.save.ending})` : formatWeekTime(slot.save.clock)} · ${plural(slot.save.taken.length, 'choice')}`
          : `unreadable: ${slot.problem}`;
        return (
          <Text key={slot.name} wrap="truncate-end" color={on ? ACCENT : undefined} bold={on} dimColor={!slot.ok}>
            {on ? '\u203a ' : '  '}
            {n < 9 ? `${n + 1}) ` : '   '}
            {slot.name} <Text dimColor>{about}</Text>
          </Text>
        );
      })}
      {naming === null ? (
        <Text dimColor wrap="truncate-end">
          Enter or 1-9: load · s: save as… · Esc: back
        </Text>
      ) : (
        <>
          <Text wrap="truncate-start">
            Save as: <Text color={ACCENT}>{naming}</Text>
            {'\u2588'}
          </Text>
          <Text dimColor wrap="truncate-end">
            letters, digits, - _ · Enter: save · Esc: cancel
          </Text>
        </>
      )}
    </Box>
  );
}
