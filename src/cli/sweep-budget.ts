/**
 * Hard limits for a state sweep, as the `stop` callback the sweep asks every 1,024 states.
 * They read the process's clock and memory, so they live here and not in tools/.
 */

/** Default ceiling on the process's resident memory while sweeping: a layer growing at once can add 100 MB or more, so it stays well under the 1.5 GB budget. */
export const SWEEP_MEMORY_BYTES = 1.3 * 1024 ** 3;

/** Stops once the process holds more than `bytes` of memory, or has spent `cpuSeconds` of CPU time. */
export function sweepBudget({ bytes = SWEEP_MEMORY_BYTES, cpuSeconds = Infinity } = {}): {
  stop: () => boolean;
  /** why it stopped, once it has */
  reason: () => string | null;
} {
  const start = process.cpuUsage();
  let why: string | null = null;
  return {
    stop: () => {
      if (process.memoryUsage.rss() > bytes)
        why = `past ${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MB of memory`;
      else {
        const used = process.cpuUsage(start);
        if ((used.user + used.system) / 1e6 > cpuSeconds) why = `past ${cpuSeconds} s of CPU time`;
      }
      return why !== null;
    },
    reason: () => why,
  };
}
