import { writeAtomic } from '../save/atomic-file.js';
import { UserError } from './exit-codes.js';

/**
 * Writes a file the user asked for (`-o FILE`) atomically: a reader never sees half of it,
 * and a failed write leaves the old file in place. A failure is the user's to fix (a
 * missing folder, no permission), so it is reported as bad input, not a crash.
 */
export function writeOutputFile(path: string, text: string): void {
  try {
    // Maps and witness files are for sharing and committing, not private like saves.
    writeAtomic(path, text.endsWith('\n') ? text : `${text}\n`, { createFolder: false, mode: 0o644 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`cannot write ${path}: ${reason}`);
  }
}
