// The fate cache's background count: a detached, low-priority process that works out a
// story's ending numbers while a game is played, so the ending screen can show them.
// Started once, by the command that starts a game; rendering never starts anything.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Story } from '../story/types.js';
import { fateCachePath } from '../save/fate-cache.js';
import { clearStaleMarker } from '../save/fate-marker.js';
import { readShippedFates } from '../save/shipped-fates-file.js';
import { DEFAULT_WARM_LIMITS } from './warm-fates-command.js';

/** States a background computation may explore before it records the story as too big. */
export const BACKGROUND_MAX_STATES = DEFAULT_WARM_LIMITS.maxStates;
/** The kernel's CPU limit (POSIX), a backstop past the count's own: it cannot spin for ever. */
const KERNEL_CPU_MARGIN_SECONDS = 30;

/**
 * Starts computing this story's numbers in a detached, low-priority process, unless they
 * exist (in the cache or shipped beside the story), one is already running, or PUSHER_NO_FATE_WARMUP is set. Call it when a game starts
 * so the numbers are ready by its end; returns whether a process was started.
 */
export function warmFateCacheInBackground(story: Story, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['PUSHER_NO_FATE_WARMUP']) return false;
  const path = fateCachePath(story, env);
  const entryFile = Object.keys(story.sources)[0];
  const bundle = cliBundlePath();
  if (!entryFile || !existsSync(entryFile) || !bundle || existsSync(path) || warming.has(path)) return false;
  // Numbers shipped beside the story (story/main.fates) are the ending screen's: nothing to count.
  if (readShippedFates(story)) return false;
  // A live count holds the marker; one left by a count that was killed is removed here.
  if (clearStaleMarker(`${path}.pending`)) return false;
  warming.add(path);
  try {
    const limits = DEFAULT_WARM_LIMITS;
    const args = [
      bundle,
      'warm-fates',
      entryFile,
      '--max-states',
      String(limits.maxStates),
      '--max-seconds',
      String(limits.maxSeconds),
      '--max-cpu-seconds',
      String(limits.maxCpuSeconds),
    ];
    // The count watches its own limits; on POSIX the kernel also caps its CPU time, in case
    // that watch ever fails. The count creates and removes its marker itself.
    const [command, argv] = existsSync('/bin/sh')
      ? [
          '/bin/sh',
          [
            '-c',
            `ulimit -t ${limits.maxCpuSeconds + KERNEL_CPU_MARGIN_SECONDS} 2>/dev/null; exec "$@"`,
            'sh',
            process.execPath,
            ...args,
          ],
        ]
      : [process.execPath, args];
    const child = spawn(command, argv, { detached: true, stdio: 'ignore', env });
    child.on('error', () => undefined);
    child.unref();
    // A game must stay smooth while its numbers are worked out beside it.
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, 19);
      } catch {
        // not allowed here: it runs at normal priority
      }
    }
    return true;
  } catch {
    return false;
  }
}

const warming = new Set<string>();

/** The built CLI, found from the bundle (dist/, chunks included) or from the sources (src/cli/). */
function cliBundlePath(): string | null {
  for (const relative of ['./pusher.cjs', '../../dist/pusher.cjs']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}
