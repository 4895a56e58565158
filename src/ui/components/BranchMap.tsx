import { Box, Text } from 'ink';
import type { Decision } from '../../play/branch-map.js';
import { formatCost } from '../../present/format-meters.js';
import { stripControl } from '../../text/strip-control.js';
import { ACCENT } from '../theme.js';
import { plural } from '../../text/plural.js';

export interface BranchMapProps {
  decisions: Decision[];
  /** the highlighted decision and, within it, the highlighted other option */
  cursor: { decision: number; option: number };
  width: number;
  /** lines the map may take, header and hint included */
  maxRows: number;
}

/**
 * The run as a timeline of decisions, one line each: when, where, what was taken. The
 * highlighted decision opens to show the other options, one of which Enter takes.
 */
export function BranchMap({ decisions, cursor, width, maxRows }: BranchMapProps) {
  const current = decisions[cursor.decision];
  // Within maxRows (the header and the hint take two): the highlighted decision and as many
  // of its other options as fit around the highlighted one, then a window of one-line
  // decisions around it.
  const body = Math.max(1, maxRows - 2);
  const others = current ? current.others.length : 0;
  const openRoom = Math.max(1, body - 1);
  const openFirst = Math.max(0, Math.min(cursor.option - Math.floor(openRoom / 2), others - openRoom));
  const openRows = Math.max(1, Math.min(others, openRoom));
  const room = Math.max(1, body - openRows);
  const first = Math.max(0, Math.min(cursor.decision - Math.floor(room / 2), decisions.length - room));
  const shown = decisions.slice(first, first + room);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        Branch map <Text dimColor>· {plural(decisions.length, 'decision')}</Text>
      </Text>
      {shown.map((decision) => {
        const on = decision.index === cursor.decision;
        return (
          <Box key={decision.index} flexDirection="column">
            <Text wrap="truncate-end" color={on ? ACCENT : undefined} bold={on}>
              {on ? '\u203a ' : '  '}
              {decision.clock} <Text dimColor>{decision.scene}</Text> {'\u25cf'} {stripControl(decision.taken.label)}
            </Text>
            {on &&
              decision.others.slice(openFirst, openFirst + openRows).map((choice, shownIndex) => {
                const i = openFirst + shownIndex;
                const here = i === cursor.option;
                const lock = choice.available ? '' : ` locked: ${stripControl(choice.reason ?? '')}`;
                return (
                  <Text
                    key={choice.id}
                    wrap="truncate-end"
                    dimColor={!choice.available}
                    color={here && choice.available ? ACCENT : undefined}
                  >
                    {'    '}
                    {here ? '\u203a' : ' '} {i < 9 ? `${i + 1})` : '  '} {'\u25cb'} {stripControl(choice.label)} (
                    {formatCost(choice.cost)}){lock}
                  </Text>
                );
              })}
            {on && decision.others.length === 0 && (
              <Text dimColor wrap="truncate-end">
                {'      '}no other way here
              </Text>
            )}
          </Box>
        );
      })}
      <Text dimColor wrap="truncate-end">
        {width < 60
          ? '↑↓ ←→ 1-9 · Enter: go · Esc: back'
          : '↑↓ decision · ←→ or 1-9 option · Enter: go that way · Esc: back'}
      </Text>
    </Box>
  );
}
