// The marker `<fate cache entry>.pending` says a background count of a story's fates is
// running, so a second game does not start another. The count itself creates it (holding
// its own pid) and removes it however it ends; a marker whose owner no longer runs (killed
// with SIGKILL, the machine restarted) or that is older than any count may run is stale,
// and the next game removes it.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { isRunning } from './file-lock.js';

/** Older than this, a marker is stale whoever wrote it: longer than any count may run. */
export const MARKER_STALE_MS = 30 * 60 * 1000;

/** Whether a live count holds the marker. */
export function markerIsLive(path: string): boolean {
  let text: string;
  let ageMs: number;
  try {
    ageMs = Date.now() - statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  if (ageMs > MARKER_STALE_MS) return false;
  const [pid, host] = text.trim().split(' ');
  // A marker being written (empty for a moment) counts as live while it is new.
  if (!pid) return ageMs < 5000;
  return (host !== undefined && host !== hostname()) || isRunning(Number(pid));
}

/** Removes a marker no live count holds; returns whether a live one is there. */
export function clearStaleMarker(path: string): boolean {
  if (markerIsLive(path)) return true;
  rmSync(path, { force: true });
  return false;
}

/** Creates the marker for this process; false when a live count already holds it. */
export function claimMarker(path: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid} ${hostname()}\n`, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    if (clearStaleMarker(path)) return false;
  }
  return false;
}

/** Removes the marker if this process holds it. */
export function releaseMarker(path: string): void {
  try {
    if (readFileSync(path, 'utf8').startsWith(`${process.pid} `)) rmSync(path, { force: true });
  } catch {
    // gone already
  }
}
