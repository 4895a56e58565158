// `pusher check --metrics`: how the story plays for a player choosing at random, measured.
import type { Story } from '../story/types.js';
import { OVERRUN_SLACK, RARE_SHARE, storyMetrics } from '../tools/story-metrics.js';
import { groupThousands } from '../story/format-value.js';
import { safeLine } from '../text/safe-text.js';
import { EXIT_OK } from './exit-codes.js';
import type { ReportResult } from './report-result.js';

/** Seeded runs `--metrics` plays. */
export const METRICS_RUNS = 300;

export function runMetrics(path: string, story: Story, options: { seed?: number }): ReportResult {
  const metrics = storyMetrics(story, METRICS_RUNS, options.seed ?? 1);
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const text = [
    `${safeLine(path, 200)}: ${groupThousands(metrics.runs)} seeded runs choosing at random, seed ${options.seed ?? 1}`,
    `  steps past their written cost by more than ${OVERRUN_SLACK} m: ${percent(metrics.overrunShare)} of ${groupThousands(metrics.steps)}`,
    `  choice points with two open choices alike in state and text: ${percent(metrics.sameResultShare)} of ${groupThousands(metrics.choicePoints)}`,
    `  a run's words in paragraphs at most ${RARE_SHARE * 100}% of runs show: ${percent(metrics.rareWordShare)} on average`,
  ].join('\n');
  return { code: EXIT_OK, json: metrics, text, error: null };
}
