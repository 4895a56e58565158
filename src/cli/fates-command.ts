import type { Story } from '../story/types.js';
import { fatesOf, fatesToJson } from '../tools/fates.js';
import { formatFates } from './format-fates.js';
import { writeFateCache } from './write-fate-cache.js';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.js';
import type { ReportResult } from './report-result.js';

/**
 * `pusher check --fates`: the exact odds and route counts of every ending. A complete
 * result is also stored for the game's ending screen (best effort: a read-only cache
 * folder costs only that line).
 */
export function runFates(path: string, story: Story, options: { maxStates: number }): ReportResult {
  const report = fatesOf(story, options.maxStates);
  if (!report) {
    const error = `${path}: unproven: the story has more than ${options.maxStates.toLocaleString('en-US')} states, so its fates cannot be counted (raise --max-states)`;
    return { code: EXIT_BAD_INPUT, json: { complete: false, error }, text: null, error };
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
