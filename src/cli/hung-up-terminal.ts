// Closing the terminal window hangs up its pty: from then on every write to it fails with
// EIO, and Node's own exit code, which puts back the terminal modes it found at start,
// fails an assertion and aborts with a native stack trace. A descriptor that was a terminal
// at start and is no longer one (isatty fails on a hung-up pty) is closed before exit, so
// Node skips it, and a write that fails with EIO is dropped: there is no one left to read it.
import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

const STDIO = [0, 1, 2] as const;

/** True for an error that says the terminal we wrote to is gone. */
export function isHangUpError(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EIO' || error.code === 'ENXIO';
}

/**
 * Remembers which of stdin, stdout and stderr are terminals now and, when the process exits,
 * closes those that have since been hung up.
 */
export function releaseHungUpTerminalOnExit(): void {
  const wasTerminal = STDIO.map((fd) => isatty(fd));
  if (!wasTerminal.some(Boolean)) return;
  process.once('exit', () => {
    for (const fd of STDIO) {
      if (!wasTerminal[fd] || isatty(fd)) continue;
      try {
        closeSync(fd);
      } catch {
        // already closed: nothing for Node to restore either
      }
    }
  });
}
