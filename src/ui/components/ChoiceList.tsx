import { Box, Text } from 'ink';
import type { ChoiceView } from '../../engine/index.js';
import { formatCost } from '../../present/format-meters.js';
import { stripControl } from '../../text/strip-control.js';
import { CHOICE_INDENT, choiceLabelWidth, type Layout } from '../layout.js';
import { ACCENT } from '../theme.js';

export interface ChoiceListProps {
  choices: ChoiceView[];
  /** index of the highlighted choice among the open ones */
  selected: number;
  layout: Layout;
  sr: boolean;
}

/** Open choices numbered from 1 (the number picks); locked ones dimmed, unnumbered, with the reason. */
export function ChoiceList({ choices, selected, layout, sr }: ChoiceListProps) {
  const open = choices.filter((choice) => choice.available).length;
  if (open === 0) {
    return <Text color="yellow">There is no way on from here: the story has a dead end. Press q to leave.</Text>;
  }
  let number = 0;
  return (
    <Box flexDirection="column" aria-role="list">
      {choices.map((choice) => {
        const label = stripControl(choice.label);
        const cost = formatCost(choice.cost);
        if (!choice.available) {
          const reason = stripControl(choice.reason ?? '');
          if (sr) return <Text key={choice.id}>{`Locked: ${label} (${cost}): ${reason}`}</Text>;
          return (
            <Box key={choice.id}>
              <Box width={CHOICE_INDENT} flexShrink={0}>
                <Text dimColor>{'  \u2013'}</Text>
              </Box>
              <Box width={choiceLabelWidth(layout)}>
                <Text dimColor>
                  {label} ({cost}) <Text italic>locked: {reason}</Text>
                </Text>
              </Box>
            </Box>
          );
        }
        const n = ++number;
        const isSelected = n - 1 === selected;
        if (sr) return <Text key={choice.id}>{`${n}. ${label} (${cost}${isSelected ? ', selected' : ''})`}</Text>;
        return (
          <Box key={choice.id}>
            <Box width={CHOICE_INDENT} flexShrink={0}>
              <Text color={isSelected ? ACCENT : undefined} bold={isSelected}>
                {isSelected ? '\u203a ' : '  '}
                {n <= 9 ? `${n})` : `${n}`}
              </Text>
            </Box>
            <Box width={choiceLabelWidth(layout)}>
              <Text color={isSelected ? ACCENT : undefined} bold={isSelected}>
                {label} <Text dimColor>({cost})</Text>
              </Text>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
