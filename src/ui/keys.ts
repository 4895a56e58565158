import type { Key } from 'ink';

/** What a key press means to the game, whatever screen is up. */
export type KeyAction =
  | { type: 'interrupt' }
  /** Ctrl+Z: stop the game as a shell job (the App's shell does it; the screen ignores it) */
  | { type: 'suspend' }
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
  if ((key.ctrl && input === 'z') || input === '\u001a') return { type: 'suspend' };
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

/** One key of a read: what it means, and the character it was (for typed names). */
export interface KeyPress {
  action: KeyAction;
  input: string;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * Every key in one read. Ink splits escape sequences (arrows) apart but hands a run of plain
 * characters read at once (a paste, `uuuuu`, a fast `11`, `1` and Enter together) over as
 * one input, which as a whole means nothing: each character is a key of its own, in order.
 */
export function keyPresses(input: string, key: Key): KeyPress[] {
  const chars = Array.from(input);
  if (chars.length <= 1) return [{ action: keyAction(input, key), input }];
  return chars.map((char) => {
    const [named, alone] = charKey(char);
    return { action: keyAction(alone, named), input: alone };
  });
}

/** The Key and input Ink would have given `char` read alone: named keys come with no text. */
function charKey(char: string): [Key, string] {
  if (char === '\r' || char === '\n') return [{ ...NO_KEY, return: true }, ''];
  if (char === '\t') return [{ ...NO_KEY, tab: true }, ''];
  if (char === '\u007f' || char === '\b') return [{ ...NO_KEY, backspace: true }, ''];
  if (char === '\u001b') return [{ ...NO_KEY, escape: true }, ''];
  return [{ ...NO_KEY, shift: /^[A-Z]$/.test(char) }, char];
}
