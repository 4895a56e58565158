import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target,
 * is flushed to disk, and is renamed over the target, so a kill at any moment leaves the
 * old version or the new one. Unlike src/cli/atomic-write.ts (write-file-atomic), this one
 * has a test hook between the flush and the rename: tests must be able to kill the process
 * at exactly that moment, and write-file-atomic offers no such hook.
 */
export function writeAtomic(path: string, text: string, env: NodeJS.ProcessEnv = process.env): void {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `${TEMP_PREFIX}${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    pauseForTests(env);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(folder);
}

/** Temporary files start with this, so listings skip them and clean-ups can find them. */
export const TEMP_PREFIX = '.tmp-';

/** The rename is only durable once the folder itself is flushed; not every platform allows it. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open folders: the rename is as durable as the platform makes it
  }
}

/**
 * Test-only: PUSHER_TEST_PAUSE_BEFORE_RENAME=ms blocks here, after the temporary file is
 * written and before the rename, so a test can SIGKILL the process in that window.
 */
function pauseForTests(env: NodeJS.ProcessEnv): void {
  const ms = Number(env['PUSHER_TEST_PAUSE_BEFORE_RENAME'] ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
