import { useContext } from 'react';
import { Box, Text } from 'ink';
import type { Story } from '../../story/types.js';
import type { GameState } from '../../engine/index.js';
import { finalMoney } from '../../present/format-meters.js';
import { keyDecisions, summariseRun } from '../../present/summarise-run.js';
import { stripControl } from '../../text/strip-control.js';
import { BAD } from '../theme.js';
import { EndingShareContext } from '../ending-share-context.js';

export interface EndingScreenProps {
  story: Story;
  state: GameState;
  width: number;
}

/** How the run ended and how it got there: title, days, debt, seed, the key decisions in order. */
export function EndingScreen({ story, state, width }: EndingScreenProps) {
  const summary = summariseRun(story, state);
  const decisions = keyDecisions(summary);
  const money = finalMoney(summary.money, summary.finalDebt);
  const lookupShare = useContext(EndingShareContext);
  const share = state.ending ? lookupShare(state.ending) : null;
  return (
    <Box flexDirection="column" width={width} marginBottom={1}>
      <Text bold color={BAD}>
        THE END {'\u2014'} {stripControl(summary.endingTitle)}
      </Text>
      <Text>
        Days survived {summary.daysSurvived} · {money ? `${money.label} ${money.value} · ` : ''}Seed {summary.seed}
      </Text>
      {share !== null && <Text dimColor>{share}</Text>}
      {decisions.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>How you got here:</Text>
          {decisions.map((decision, i) => (
            <Box key={i}>
              <Box width={11} flexShrink={0}>
                <Text dimColor>{decision.clock}</Text>
              </Box>
              <Text>{stripControl(decision.label)}</Text>
            </Box>
          ))}
        </Box>
      )}
      <Text dimColor>Play this run again with --seed {summary.seed}</Text>
    </Box>
  );
}
