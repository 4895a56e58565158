import type { Key } from 'ink';

/** What a key press means to the game, whatever screen is up. */
export type KeyAction =
  | { type: 'interrupt' }
  | { type: 'digit'; n: number }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'enter' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'yes' }
  | { type: 'no' }
  | { type: 'restart' }
  | { type: 'undo' }
  | { type: 'branches' }
  | { type: 'endings' }
  | { type: 'saves' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'continue' }
  | { type: 'other' };

export function keyAction(input: string, key: Key): KeyAction {
  // Raw mode turns Ctrl+C into a key; without exitOnCtrlC it is ours to handle.
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  if (input === '\u0003') return { type: 'interrupt' };
  if (key.return) return { type: 'enter' };
  if (key.escape) return { type: 'no' };
  // Terminals send Backspace as DEL (Ink's "delete") or as ^H (Ink's "backspace").
  if (key.backspace || key.delete || input === 'u' || input === 'U') return { type: 'undo' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow || key.tab) return { type: 'right' };
  if (key.upArrow || input === 'k') return { type: 'up' };
  if (key.downArrow || input === 'j') return { type: 'down' };
  if (/^[1-9]$/.test(input)) return { type: 'digit', n: Number(input) };
  if (input === '?' || input === 'h') return { type: 'help' };
  if (input === 'q' || input === 'Q') return { type: 'quit' };
  if (input === 'y' || input === 'Y') return { type: 'yes' };
  if (input === 'n' || input === 'N') return { type: 'no' };
  if (input === 'r' || input === 'R') return { type: 'restart' };
  if (input === 'b' || input === 'B') return { type: 'branches' };
  if (input === 'e' || input === 'E') return { type: 'endings' };
  if (input === 's' || input === 'S') return { type: 'saves' };
  if (input === 'c' || input === 'C') return { type: 'continue' };
  return { type: 'other' };
}
