import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** where PUSHER_TEST_PAUSE_BEFORE_RENAME is read from */
  env?: NodeJS.ProcessEnv;
  /** create the folder when it is missing (default); off for files the user names (`-o`) */
  createFolder?: boolean;
  /** the new file's permissions before the umask: 0o600 (default) for the player's own data */
  mode?: number;
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target,
 * is flushed to disk, and is renamed over the target, so a kill at any moment leaves the
 * old version or the new one. The one writer for every file the game writes; it has a test
 * hook between the flush and the rename, so tests can kill the process at that moment.
 */
export function writeAtomic(path: string, text: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const folder = dirname(path);
  if (options.createFolder !== false) mkdirSync(folder, { recursive: true });
  const temp = join(folder, `${TEMP_PREFIX}${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}`);
  // Any failure (a full disk at the write or the flush, a refused rename) removes the
  // temporary file: a failed write leaves nothing behind, not even an empty file.
  try {
    const fd = openSync(temp, 'w', options.mode ?? 0o600);
    try {
      // writeFileSync on a descriptor writes until every byte is out, string or bytes
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    pauseForTests(options.env ?? process.env);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the folder itself has failed: the write's own error says more
    }
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
