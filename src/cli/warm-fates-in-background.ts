// The fate cache's background count: a detached, low-priority process that works out a
// story's ending numbers while a game is played, so the ending screen can show them.
// Started once, by the command that starts a game; rendering never starts anything.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Story } from '../story/types.js';
import { fateCachePath } from '../save/fate-cache.js';
import { writeAtomic } from '../save/atomic-file.js';

/** States a background computation may explore before it records the story as too big. */
export const BACKGROUND_MAX_STATES = 300_000;
/** A background computation younger than this is taken to be still running. */
const PENDING_FOR_MS = 15 * 60 * 1000;

/**
 * Starts computing this story's numbers in a detached, low-priority process, unless they
 * exist, one is already running, or PUSHER_NO_FATE_WARMUP is set. Call it when a game starts
 * so the numbers are ready by its end; returns whether a process was started.
 */
export function warmFateCacheInBackground(story: Story, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['PUSHER_NO_FATE_WARMUP']) return false;
  const path = fateCachePath(story, env);
  const entryFile = Object.keys(story.sources)[0];
  const bundle = cliBundlePath();
  if (!entryFile || !existsSync(entryFile) || !bundle || existsSync(path) || warming.has(path)) return false;
  if (isPending(`${path}.pending`)) return false;
  warming.add(path);
  try {
    writeAtomic(`${path}.pending`, String(process.pid), { env });
    const child = spawn(
      process.execPath,
      [bundle, 'warm-fates', entryFile, '--max-states', String(BACKGROUND_MAX_STATES)],
      {
        detached: true,
        stdio: 'ignore',
        env,
      },
    );
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

function isPending(marker: string): boolean {
  try {
    return Date.now() - statSync(marker).mtimeMs < PENDING_FOR_MS;
  } catch {
    return false;
  }
}

/** The built CLI, found from the bundle (dist/, chunks included) or from the sources (src/cli/). */
function cliBundlePath(): string | null {
  for (const relative of ['./pusher.cjs', '../../dist/pusher.cjs']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}
