import { Box, Text } from 'ink';
import type { ChoiceView } from '../../engine/index.js';
import { formatChoiceCost } from '../../present/format-choice-cost.js';
import { stripControl } from '../../text/strip-control.js';
import { wrapText } from '../../text/wrap-text.js';
import { CHOICE_INDENT, choiceCost, choiceLabelWidth, choiceLines, type Layout } from '../layout.js';
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
    const deadEnd = 'There is no way on from here: the story has a dead end. Press q to leave.';
    return <Text color="yellow">{wrapText(deadEnd, layout.width).join('\n')}</Text>;
  }
  let number = 0;
  return (
    <Box flexDirection="column" aria-role="list">
      {choices.map((raw) => {
        const choice = {
          ...raw,
          label: stripControl(raw.label),
          reason: raw.reason === null ? null : stripControl(raw.reason),
        };
        if (!choice.available) {
          if (sr)
            return (
              <Text key={choice.id}>{`Locked: ${choice.label} (${formatChoiceCost(choice)}): ${choice.reason}`}</Text>
            );
          return <ChoiceRow key={choice.id} marker={'  \u2013'} choice={choice} layout={layout} dim />;
        }
        const n = ++number;
        const isSelected = n - 1 === selected;
        if (sr)
          return (
            <Text
              key={choice.id}
            >{`${n}. ${choice.label} (${formatChoiceCost(choice)}${isSelected ? ', selected' : ''})`}</Text>
          );
        const marker = `${isSelected ? '\u203a ' : '  '}${n <= 9 ? `${n})` : n}`;
        return <ChoiceRow key={choice.id} marker={marker} choice={choice} layout={layout} selected={isSelected} />;
      })}
    </Box>
  );
}

interface ChoiceRowProps {
  marker: string;
  choice: ChoiceView;
  layout: Layout;
  selected?: boolean;
  dim?: boolean;
}

/** One choice: the marker, then its wrapped lines hanging under the label, the cost dimmed. */
function ChoiceRow({ marker, choice, layout, selected = false, dim = false }: ChoiceRowProps) {
  const lines = choiceLines(choice, choiceLabelWidth(layout));
  const cost = choiceCost(choice);
  const colour = selected ? ACCENT : undefined;
  return (
    <Box>
      <Box width={CHOICE_INDENT} flexShrink={0}>
        <Text color={colour} bold={selected} dimColor={dim}>
          {marker}
        </Text>
      </Box>
      <Box flexDirection="column" width={choiceLabelWidth(layout)}>
        {lines.map((line, i) => {
          const last = i === lines.length - 1;
          if (dim || !last || !line.endsWith(cost)) {
            return (
              <Text key={i} color={colour} bold={selected} dimColor={dim}>
                {line}
              </Text>
            );
          }
          return (
            <Text key={i} color={colour} bold={selected}>
              {line.slice(0, line.length - cost.length)}
              <Text dimColor>{cost}</Text>
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
