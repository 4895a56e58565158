// A lock file beside a file that several games update at once (the profile): whoever
// creates `<file>.lock` (exclusively) may read, merge and write; everyone else waits a
// moment. A lock whose owner has died (killed while holding it) or that has been held far
// longer than any update takes is stale, and is broken, so a crash never blocks the next game.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface LockOptions {
  /** a lock older than this is stale whoever holds it (an update takes milliseconds) */
  staleMs?: number;
  /** give up after waiting this long (longer than staleMs, so a stuck lock is broken first) */
  waitMs?: number;
}

const STALE_MS = 10_000;
const WAIT_MS = 15_000;

/** Runs `work` holding the lock `lockPath`; throws when the lock cannot be had in time. */
export function withFileLock<T>(lockPath: string, work: () => T, options: LockOptions = {}): T {
  const token = `${process.pid} ${hostname()} ${randomBytes(8).toString('hex')}\n`;
  acquire(lockPath, token, options.staleMs ?? STALE_MS, options.waitMs ?? WAIT_MS);
  try {
    return work();
  } finally {
    release(lockPath, token);
  }
}

function acquire(lockPath: string, token: string, staleMs: number, waitMs: number): void {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath, token)) return;
    const held = inspect(lockPath);
    if (Date.now() > deadline) {
      throw new Error(`${lockPath} is held by another game (${held?.text.trim() || 'unknown'})`);
    }
    // A stale lock that cannot be broken (a read-only folder) ends at the deadline too.
    if (held && isStale(held, staleMs) && breakStale(lockPath, held.text)) continue;
    sleep(Math.min(2 + attempt, 25) + Math.floor(Math.random() * 5));
  }
}

/** Creates the lock file, or returns false when it exists; other failures (a full disk) throw. */
function tryCreate(lockPath: string, token: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, token);
  } catch (error) {
    closeSync(fd);
    rmSync(lockPath, { force: true });
    throw error;
  }
  closeSync(fd);
  return true;
}

interface Held {
  text: string;
  ageMs: number;
}

function inspect(lockPath: string): Held | null {
  try {
    const ageMs = Date.now() - statSync(lockPath).mtimeMs;
    return { text: readFileSync(lockPath, 'utf8'), ageMs };
  } catch {
    return null; // released meanwhile: try again at once
  }
}

/**
 * Stale: held far too long, or its owner is a process of this machine that no longer runs.
 * An empty lock is one whose owner died between creating and writing it, unless it is new.
 */
function isStale(held: Held, staleMs: number): boolean {
  if (held.ageMs > staleMs) return true;
  const [pid, host] = held.text.split(' ');
  if (!pid) return held.ageMs > 1000;
  return host === hostname() && !isRunning(Number(pid));
}

export function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock out of the way, then checks that what it moved is the lock it judged
 * stale: when two games break the same lock at once, the second may have moved the first's
 * fresh lock, which it then puts back (a link never replaces a file).
 */
function breakStale(lockPath: string, staleText: string): boolean {
  const moved = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(lockPath, moved);
  } catch (error) {
    // gone: someone else broke or released it; anything else: it cannot be broken here
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    if (readFileSync(moved, 'utf8') !== staleText) linkSync(moved, lockPath);
  } catch {
    // a third game took the lock meanwhile: nothing to put back
  }
  rmSync(moved, { force: true });
  return true;
}

function release(lockPath: string, token: string): void {
  try {
    // Only our own lock: after a long stall ours may have been broken and taken by another game.
    if (readFileSync(lockPath, 'utf8') === token) rmSync(lockPath, { force: true });
  } catch {
    // already gone
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
