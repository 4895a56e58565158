import { Box, Text } from 'ink';
import { ACCENT } from '../theme.js';
import { wrapText } from '../../text/wrap-text.js';

export interface ContinuePromptProps {
  /** e.g. `Mon 10:30 in kitchen, 5 choices in` */
  where: string;
  notice: string | null;
  /** 0 Continue, 1 New game */
  selected: number;
  width: number;
}

/** Asked once at the start when the last run was left unfinished. */
export function ContinuePrompt({ where, notice, selected, width }: ContinuePromptProps) {
  const row = (n: number, label: string) => (
    <Text color={selected === n ? ACCENT : undefined} bold={selected === n}>
      {selected === n ? '\u203a ' : '  '}
      {n + 1}) {label}
    </Text>
  );
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>An unfinished run is waiting.</Text>
      <Text dimColor>{wrapText(where, width).join('\n')}</Text>
      {notice && <Text color="yellow">{wrapText(notice, width).join('\n')}</Text>}
      <Box flexDirection="column" marginTop={1}>
        {row(0, 'Continue')}
        {row(1, 'New game')}
      </Box>
      <Text dimColor>{wrapText('c or Enter: continue · n: new game · q: quit', width).join('\n')}</Text>
    </Box>
  );
}
