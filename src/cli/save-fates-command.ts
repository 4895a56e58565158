import { writeFileSync } from 'node:fs';
import type { Story } from '../story/types.js';
import { sweepFates } from '../tools/fates.js';
import { randomRuns } from '../tools/random-runs.js';
import { exactShippedFates, sampledShippedFates } from '../tools/shipped-fates.js';
import { groupThousands } from '../story/format-value.js';
import { shippedFatesBeside } from '../save/shipped-fates-file.js';
import { sweepBudget } from './sweep-budget.js';
import { EXIT_OK } from './exit-codes.js';
import type { ReportResult } from './report-result.js';

/** Seeded random weeks played when the exact count is out of reach, unless --random says. */
export const SAVED_SAMPLE_RUNS = 20_000;
/** CPU time the exact count may take before the sample is used instead: issue 17's 30 minutes. */
const EXACT_CPU_SECONDS = 30 * 60;

/**
 * `pusher check --save-fates`: writes the numbers the ending screen shows to a file beside
 * the story (`main.fates`), keyed by its fingerprint. Exact route shares when every state
 * can be swept within 30 minutes of CPU and the memory budget; otherwise the endings of
 * seeded random weeks, with their margins. `--random N` goes straight to a sample of N.
 */
export function runSaveFates(
  path: string,
  story: Story,
  options: { maxStates: number; random?: number; seed?: number },
): ReportResult {
  const target = shippedFatesBeside(path);
  let why = '';
  if (options.random === undefined) {
    const budget = sweepBudget({ cpuSeconds: EXACT_CPU_SECONDS });
    const { report, states } = sweepFates(story, options.maxStates, { exact: false, stop: budget.stop });
    if (report) {
      const fates = exactShippedFates(story, report);
      writeFileSync(target, `${JSON.stringify(fates, null, 2)}\n`);
      const text = `${path}: saved the exact route shares of every ending (${groupThousands(report.states)} states) to ${target}`;
      return { code: EXIT_OK, json: fates, text, error: null };
    }
    why = `too big to count exactly (stopped after ${groupThousands(states)} states, ${budget.reason() ?? `more than ${groupThousands(options.maxStates)} states`}): `;
  }
  const runs = options.random ?? SAVED_SAMPLE_RUNS;
  const fates = sampledShippedFates(story, randomRuns(story, runs, options.seed ?? 1));
  writeFileSync(target, `${JSON.stringify(fates, null, 2)}\n`);
  const text = `${path}: ${why}saved the endings of ${groupThousands(runs)} seeded random weeks to ${target}`;
  return { code: EXIT_OK, json: fates, text, error: null };
}
