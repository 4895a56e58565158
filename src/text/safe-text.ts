// One door to the terminal for text that came from outside the program (story files, saves,
// the profile, command-line arguments): every command prints through safeText, and every
// name or field that must stay on its line goes through safeLine first.
import { stripControl } from './strip-control.js';

/** Output for a terminal: escape sequences and control characters removed, newlines kept. */
export function safeText(text: string): string {
  return stripControl(text);
}

/** A name or a field on one line: made safe, white space (newlines too) as single spaces, cut to `max`. */
export function safeLine(text: string, max = 80): string {
  return cutText(stripControl(text).replace(/\s+/g, ' ').trim(), max);
}

/** At most `max` characters (whole code points), the last of them `…` when cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  // A code point is at most two code units: the first 2 * max + 2 units hold max + 1 of them.
  const points = Array.from(text.slice(0, 2 * max + 2));
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
