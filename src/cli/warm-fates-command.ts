import { fatesOf } from '../tools/fates.js';
import { loadStory } from './load-story.js';
import { BACKGROUND_CPU_SECONDS, writeFateCache } from './fate-cache.js';
import { sweepBudget } from './sweep-budget.js';
import { EXIT_OK } from './exit-codes.js';
import { randomRuns } from '../tools/random-runs.js';
import type { Story } from '../story/types.js';

const SAMPLED_RUNS = 3000;

function sampleEndings(story: Story): { runs: number; seed: number; shares: Record<string, number> } {
  const report = randomRuns(story, SAMPLED_RUNS, 1);
  return {
    runs: SAMPLED_RUNS,
    seed: 1,
    shares: Object.fromEntries(report.endings.map((ending) => [ending.id, ending.share])),
  };
}

/**
 * `pusher warm-fates [file]` (hidden): computes the fate numbers and stores them for the
 * ending screen, silently. Run in the background by the game at first need, and by
 * scripts/warm-fates.js. A story too big to count is stored as such, so nothing retries it.
 */
export function runWarmFates(
  file: string | undefined,
  maxStates: number,
  say?: (text: string) => void,
  cpuSeconds = BACKGROUND_CPU_SECONDS,
): number {
  const story = loadStory(file);
  // A hard CPU-time limit, and the memory budget: the game goes on beside it.
  const report = fatesOf(story, maxStates, { stop: sweepBudget({ cpuSeconds }).stop });
  // Too big to count exactly: sample seeded random weeks instead, and say so on screen.
  const sampled = report ? undefined : sampleEndings(story);
  const path = writeFateCache(story, report, process.env, sampled);
  say?.(
    report
      ? `stored the fates of '${story.id}' in ${path}`
      : `'${story.id}' has more than ${maxStates} states or took more than ${cpuSeconds} s: stored as too big to count, in ${path}`,
  );
  return EXIT_OK;
}
