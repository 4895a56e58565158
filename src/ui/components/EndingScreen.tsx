import { useContext } from 'react';
import { Box, Text, useIsScreenReaderEnabled } from 'ink';
import type { Story } from '../../story/types.js';
import type { GameState } from '../../engine/index.js';
import { finalMoney } from '../../present/format-meters.js';
import type { RunStart } from '../../engine/run.js';
import { keyDecisions, summariseRun } from '../../present/summarise-run.js';
import { runSeries, weekChart, weekChartWords, type WeekPoint } from '../../present/week-chart.js';
import type { MoneyMeter } from '../../engine/meters.js';
import { replayCommandLines } from '../../play/replay-line.js';
import { stripControl } from '../../text/strip-control.js';
import { wrapText } from '../../text/wrap-text.js';
import { ACCENT, BAD } from '../theme.js';
import { EndingShareContext } from '../ending-share-context.js';
import { ReplayFileContext } from '../replay-file-context.js';

export interface EndingScreenProps {
  story: Story;
  state: GameState;
  /** how the run began (an author's --from and --set); the seed alone when absent */
  start?: RunStart;
  width: number;
}

const CLOCK_WIDTH = 11;

/**
 * How the run ended and how it got there: title, days, debt, seed, the week drawn (in words
 * for a screen reader), the key decisions in order, and the command that plays it again.
 * Wrapped here, not by Ink, whose wrapping starts lines with a space.
 */
export function EndingScreen({ story, state, start, width }: EndingScreenProps) {
  const wrap = (text: string, columns = width) => wrapText(text, columns).join('\n');
  const summary = summariseRun(story, state);
  const decisions = keyDecisions(summary);
  const money = finalMoney(summary.money, summary.finalDebt);
  const lookupShare = useContext(EndingShareContext);
  const file = useContext(ReplayFileContext);
  const sr = useIsScreenReaderEnabled();
  const share = state.ending ? lookupShare(state.ending) : null;
  const run = { start: start ?? { seed: state.seed }, taken: state.taken };
  const series = runSeries(story, run);
  return (
    <Box flexDirection="column" width={width} marginBottom={1}>
      <Text bold color={BAD}>
        {wrap(`THE END \u2014 ${stripControl(summary.endingTitle)}`)}
      </Text>
      <Text>
        {wrap(
          `Days survived ${summary.daysSurvived} · ${money ? `${money.label} ${money.value} · ` : ''}Seed ${summary.seed}`,
        )}
      </Text>
      {share !== null && <Text dimColor>{wrap(share)}</Text>}
      {sr ? (
        <WeekInWords lines={weekChartWords(series, summary.money)} />
      ) : (
        <WeekChart series={series} width={width} money={summary.money} />
      )}
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
      <Box flexDirection="column" marginTop={1}>
        <Text dimColor>Play this run again:</Text>
        <Text>{replayCommandLines(story, run, width, file).join('\n')}</Text>
      </Box>
    </Box>
  );
}

/** Debt and time left over the week: a sparkline each, the range beside the label, the days below. */
function WeekChart({ series, width, money }: { series: WeekPoint[]; width: number; money: MoneyMeter | null }) {
  const chart = weekChart(series, width, money);
  if (!chart) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      {chart.rows.map((row) => (
        <Box key={row.label} flexDirection="column">
          <Text>
            <Text bold>{row.label.padEnd(chart.labelWidth)}</Text>
            <Text color={row.kind === 'money' ? BAD : ACCENT}>{row.line}</Text>
          </Text>
          {chart.labelWidth + row.range.length <= width && (
            <Text dimColor>
              {' '.repeat(chart.labelWidth)}
              {row.range}
            </Text>
          )}
        </Box>
      ))}
      <Text dimColor>
        {' '.repeat(chart.labelWidth)}
        {chart.days}
      </Text>
    </Box>
  );
}

function WeekInWords({ lines }: { lines: string[] }) {
  if (!lines.length) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>The week:</Text>
      {lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </Box>
  );
}
