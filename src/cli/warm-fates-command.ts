import { constants } from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { fatesOf } from '../tools/fates.js';
import { loadStory } from './load-story.js';
import { writeFateCache } from './write-fate-cache.js';
import { sweepBudget } from './sweep-budget.js';
import { EXIT_FAILURE, EXIT_OK } from './exit-codes.js';
import { randomRuns } from '../tools/random-runs.js';
import type { Story } from '../story/types.js';
import { fateCachePath } from '../save/fate-cache.js';
import { claimMarker, releaseMarker } from '../save/fate-marker.js';

const SAMPLED_RUNS = 3000;

/** The hard limits of one count: past any of them it is stopped and the story recorded as too big. */
export interface WarmLimits {
  maxStates: number;
  /** wall-clock seconds */
  maxSeconds: number;
  /** CPU seconds, every thread of the process together */
  maxCpuSeconds: number;
  /** the count's JavaScript heap, in megabytes */
  maxMemoryMb: number;
}

// The CPU, wall-clock and memory limits bound the count; the state limit is only a backstop.
export const DEFAULT_WARM_LIMITS: WarmLimits = {
  maxStates: 50_000_000,
  maxSeconds: 600,
  maxCpuSeconds: 120,
  maxMemoryMb: 1536,
};

const WATCH_EVERY_MS = 200;

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
 *
 * The count runs in a worker thread; this thread only watches it, so the limits hold
 * whatever the count does (a story whose events never stop spending time loops for ever):
 * past the wall-clock, CPU or memory limit the worker is stopped and the story recorded as
 * too big. The marker that keeps a second game from starting another count is removed
 * however this ends: done, stopped, crashed, or killed by a signal.
 */
export async function runWarmFates(
  file: string | undefined,
  limits: WarmLimits,
  say?: (text: string) => void,
): Promise<number> {
  const story = loadStory(file);
  if (!isMainThread) return count(story, limits.maxStates, say);
  const marker = `${fateCachePath(story)}.pending`;
  // The handlers go in before the marker exists, so no signal can land between the two
  // and leave a marker behind (seen once under load).
  let claimed = false;
  const release = () => {
    if (claimed) releaseMarker(marker);
  };
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.exit(128 + constants.signals[signal]);
  };
  const unhook = () => {
    process.off('exit', release);
    for (const signal of signals) process.off(signal, onSignal);
  };
  process.once('exit', release);
  for (const signal of signals) process.once(signal, onSignal);
  claimed = claimMarker(marker);
  if (!claimed) {
    unhook();
    say?.(`a count of '${story.id}' is already running`);
    return EXIT_OK;
  }
  try {
    const outcome = await watchWorker(limits);
    if (outcome.kind === 'done') return outcome.code;
    if (outcome.kind === 'crashed') {
      say?.(`the count of '${story.id}' failed: ${outcome.message}`);
      return EXIT_FAILURE;
    }
    // Stopped at a limit: recorded as too big, so no game starts it again.
    const path = writeFateCache(story, null, process.env);
    say?.(`the count of '${story.id}' passed its ${outcome.limit} limit: stored as too big to count, in ${path}`);
    return EXIT_OK;
  } finally {
    release();
    unhook();
  }
}

function count(story: Story, maxStates: number, say?: (text: string) => void): number {
  // The sweep stops itself short of the worker's memory limit, and says so, before the
  // watcher has to terminate it.
  const report = fatesOf(story, maxStates, { stop: sweepBudget().stop });
  // Too big to count exactly: sample seeded random weeks instead, and say so on screen.
  const sampled = report ? undefined : sampleEndings(story);
  const path = writeFateCache(story, report, process.env, sampled);
  say?.(
    report
      ? `stored the fates of '${story.id}' in ${path}`
      : `'${story.id}' has more than ${maxStates} states: stored as too big to count, in ${path}`,
  );
  return EXIT_OK;
}

type Outcome =
  | { kind: 'done'; code: number }
  | { kind: 'limit'; limit: 'time' | 'CPU time' | 'memory' }
  | { kind: 'crashed'; message: string };

/** Runs this same command in a worker thread and stops it at the first limit it passes. */
function watchWorker(limits: WarmLimits): Promise<Outcome> {
  const script = process.argv[1]!;
  const worker = new Worker(script, {
    argv: process.argv.slice(2),
    env: process.env,
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
  });
  const started = Date.now();
  const cpuAtStart = process.cpuUsage();
  let stopped: 'time' | 'CPU time' | null = null;
  return new Promise((resolve) => {
    const watch = setInterval(() => {
      const cpu = process.cpuUsage(cpuAtStart);
      if ((cpu.user + cpu.system) / 1e6 > limits.maxCpuSeconds) stopped = 'CPU time';
      else if (Date.now() - started > limits.maxSeconds * 1000) stopped = 'time';
      if (stopped) void worker.terminate();
    }, WATCH_EVERY_MS);
    let failure: Error | null = null;
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      clearInterval(watch);
      if (stopped) resolve({ kind: 'limit', limit: stopped });
      else if ((failure as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
        resolve({ kind: 'limit', limit: 'memory' });
      else if (failure) resolve({ kind: 'crashed', message: (failure as Error).message });
      else resolve({ kind: 'done', code });
    });
  });
}
