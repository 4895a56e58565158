import type { Story } from '../story/types.js';
import { fatesToJson, sweepFates } from '../tools/fates.js';
import { formatFates } from './format-fates.js';
import { writeFateCache } from './write-fate-cache.js';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.js';
import type { ReportResult } from './report-result.js';
import { sweepBudget } from './sweep-budget.js';
import { safeLine } from '../text/safe-text.js';

/**
 * `pusher check --fates`: the exact odds and route counts of every ending, always computed
 * afresh (never read back from a cache or a shipped file). A complete result is also stored
 * for the game's ending screen (best effort: a read-only cache folder costs only that line).
 * The sweep stops past --max-states or past the memory budget.
 */
export function runFates(
  path: string,
  story: Story,
  options: { approximate?: boolean; maxStates: number },
): ReportResult {
  const budget = sweepBudget();
  const { report, states } = sweepFates(story, options.maxStates, {
    exact: !options.approximate,
    stop: budget.stop,
  });
  if (!report) {
    const why = budget.reason() ?? `more than ${options.maxStates.toLocaleString('en-US')} states`;
    const error = `${safeLine(path, 200)}: unproven: stopped after ${states.toLocaleString('en-US')} states (${why}), so its fates cannot be counted${budget.reason() ? '' : ' (raise --max-states)'}`;
    return { code: EXIT_BAD_INPUT, json: { complete: false, states, error }, text: null, error };
  }
  try {
    writeFateCache(story, report);
  } catch {
    // the numbers are printed anyway; the ending screen just goes without them
  }
  return {
    code: EXIT_OK,
    json: { complete: true, ...fatesToJson(report) },
    text: formatFates(path, report),
    error: null,
  };
}
