import { useContext } from 'react';
import { Box, Text } from 'ink';
import type { Story } from '../../story/types.js';
import type { GameState } from '../../engine/index.js';
import { formatMoney } from '../../present/format-meters.js';
import { keyDecisions, summariseRun } from '../../present/summarise-run.js';
import { stripControl } from '../../text/strip-control.js';
import { wrapText } from '../../text/wrap-text.js';
import { BAD } from '../theme.js';
import { EndingShareContext } from '../ending-share-context.js';

export interface EndingScreenProps {
  story: Story;
  state: GameState;
  width: number;
}

const CLOCK_WIDTH = 11;

/**
 * How the run ended and how it got there: title, days, debt, seed, the key decisions in order.
 * Wrapped here, not by Ink, whose wrapping starts lines with a space.
 */
export function EndingScreen({ story, state, width }: EndingScreenProps) {
  const wrap = (text: string, columns = width) => wrapText(text, columns).join('\n');
  const summary = summariseRun(story, state);
  const decisions = keyDecisions(summary);
  const lookupShare = useContext(EndingShareContext);
  const share = state.ending ? lookupShare(state.ending) : null;
  return (
    <Box flexDirection="column" width={width} marginBottom={1}>
      <Text bold color={BAD}>
        {wrap(`THE END \u2014 ${stripControl(summary.endingTitle)}`)}
      </Text>
      <Text>
        {wrap(
          `Days survived ${summary.daysSurvived} · Final debt ${formatMoney(summary.finalDebt)} · Seed ${summary.seed}`,
        )}
      </Text>
      {share !== null && <Text dimColor>{wrap(share)}</Text>}
      {decisions.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>How you got here:</Text>
          {decisions.map((decision, i) => (
            <Box key={i}>
              <Box width={CLOCK_WIDTH} flexShrink={0}>
                <Text dimColor>{decision.clock}</Text>
              </Box>
              <Text>{wrap(stripControl(decision.label), width - CLOCK_WIDTH)}</Text>
            </Box>
          ))}
        </Box>
      )}
      <Text dimColor>{wrap(`Play this run again with --seed ${summary.seed}`)}</Text>
    </Box>
  );
}
