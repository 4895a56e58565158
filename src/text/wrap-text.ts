import { charWidth, textWidth } from './char-width.js';

/**
 * Greedy word wrap to `width` terminal columns; words wider than a line are cut between
 * characters. No line starts or ends with a space, so a terminal (or Ink) has nothing to wrap
 * again. Widths are counted in columns: wide characters two, marks none.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    let size = textWidth(rest);
    while (size > limit) {
      if (line) {
        lines.push(line);
        line = '';
        used = 0;
      }
      const [head, tail] = cut(rest, limit);
      lines.push(head);
      rest = tail;
      size = textWidth(rest);
    }
    if (!line) {
      line = rest;
      used = size;
    } else if (used + 1 + size <= limit) {
      line += ` ${rest}`;
      used += 1 + size;
    } else {
      lines.push(line);
      line = rest;
      used = size;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `word` cut after at most `limit` columns (at least one character, marks kept with it). */
function cut(word: string, limit: number): [string, string] {
  const chars = Array.from(word);
  let used = 0;
  let end = 0;
  while (end < chars.length) {
    const next = used + charWidth(chars[end]!);
    if (next > limit && end > 0) break;
    used = next;
    end++;
  }
  return [chars.slice(0, end).join(''), chars.slice(end).join('')];
}
