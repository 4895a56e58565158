// `--transcript FILE`: the sitting's runs as text (src/play/transcript.ts), written whole
// after every step, atomically, so the file always holds the run so far and a kill never
// leaves half.
import type { Story } from '../story/types.js';
import type { Run } from '../engine/run.js';
import { NEW_SITTING, recordRun } from '../play/transcript.js';
import { writeAtomic } from '../save/atomic-file.js';
import { UserError } from './exit-codes.js';

/**
 * A writer for both players: it returns what went wrong (said once, then quiet) or null.
 * The first write happens here, so a path that cannot be written is bad input before the
 * game starts, not a message in the middle of it.
 */
export function transcriptWriter(path: string, story: Story, first: Run, file?: string): (run: Run) => string | null {
  let sitting = NEW_SITTING;
  const write = (run: Run) => {
    const recorded = recordRun(sitting, story, run, { file });
    // a transcript is for sharing, like a map (-o), not private like saves
    writeAtomic(path, recorded.text, { createFolder: false, mode: 0o644 });
    sitting = recorded.sitting;
  };
  try {
    write(first);
  } catch (error) {
    throw new UserError(`--transcript: cannot write ${path}: ${reasonOf(error)}`);
  }
  let failed = false;
  return (run) => {
    try {
      write(run);
      failed = false;
      return null;
    } catch (error) {
      if (failed) return null;
      failed = true;
      return `The transcript could not be written (${reasonOf(error)}); the game goes on.`;
    }
  };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
