// Reads a file the game is named or keeps, refusing what is not a plain file: a FIFO would
// block the open (or the read) forever, and a device such as /dev/zero never ends. The
// open never blocks (O_NONBLOCK), the kind is checked on the open file, and at most
// `maxBytes` are read, so no file can hang the game or fill its memory.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type FileRead = { ok: true; text: string } | { ok: false; missing: boolean; problem: string };

/** The most a story file may hold: far past any story, far short of a memory problem. */
export const MAX_STORY_FILE_BYTES = 8 * 1024 * 1024;
/** The most a save may hold (a save is a few kilobytes). */
export const MAX_SAVE_BYTES = 4 * 1024 * 1024;
/** The most the profile may hold (hashes of every paragraph ever shown, for every story). */
export const MAX_PROFILE_BYTES = 32 * 1024 * 1024;

// Not every platform has these flags (Windows has neither); 0 leaves the open as it was.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/** A regular file's text, or why it cannot be read (`missing` when there is no such file). */
export function readRegularFile(path: string, maxBytes: number, encoding: BufferEncoding = 'utf8'): FileRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, missing: false, problem: `it is ${kindOf(stats)}, not a regular file` };
    if (stats.size > maxBytes) return tooLarge(maxBytes);
    // The size can change while reading: read in chunks, never past one byte over the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return tooLarge(maxBytes);
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString(encoding) };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

/** `8 MB` */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(maxBytes: number): FileRead {
  return { ok: false, missing: false, problem: `it is larger than ${formatBytes(maxBytes)}, the most this game reads` };
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

function failure(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, problem: 'there is no such file' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, missing: false, problem: 'permission was refused' };
  if (code === 'EISDIR') return { ok: false, missing: false, problem: 'it is a folder, not a regular file' };
  return { ok: false, missing: false, problem: `it cannot be read (${code ?? (error as Error).message})` };
}
