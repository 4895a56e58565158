// Ctrl+Z for a game in raw mode. Raw mode turns the key into a character, so the shell's job
// control never sees it; the game stops itself as the terminal would have, after giving the
// terminal back as the shell expects it (cooked, cursor shown), and takes it again on `fg`.
// A SIGTSTP sent from outside takes the same way.

export const SHOW_CURSOR = '\u001b[?25h';
export const HIDE_CURSOR = '\u001b[?25l';
/** Clears the screen (not the scrollback) and homes the cursor, for a whole frame after `fg`. */
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';

export interface SuspendTerminal {
  stdin: { isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: { isTTY?: boolean; write: (text: string) => unknown };
  /** stops the process; returns once it runs again */
  stop: () => void;
}

/**
 * Gives the terminal back, stops, and once continued takes raw mode back and hides the cursor
 * again; the frame is then the caller's to redraw, as the shell has written over it.
 */
export function suspendTerminal({ stdin, stdout, stop }: SuspendTerminal): void {
  const raw = Boolean(stdin.isTTY && stdin.isRaw);
  if (raw) stdin.setRawMode?.(false);
  if (stdout.isTTY) stdout.write(SHOW_CURSOR);
  stop();
  if (raw) stdin.setRawMode?.(true);
  if (stdout.isTTY) stdout.write(HIDE_CURSOR);
}

/**
 * Stops this process with SIGTSTP's default action: the game's own SIGTSTP listeners are
 * taken off for the moment, so the signal stops it (within the call) instead of reaching them.
 */
export function stopProcess(): void {
  const listeners = process.listeners('SIGTSTP');
  for (const listener of listeners) process.off('SIGTSTP', listener);
  try {
    process.kill(process.pid, 'SIGTSTP');
  } finally {
    for (const listener of listeners) process.on('SIGTSTP', listener);
  }
}
