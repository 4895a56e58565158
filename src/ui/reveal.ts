import { wrapText } from '../text/wrap-text.js';

/** The prose's length in characters as the typewriter counts it: the same at any width. */
export function proseLength(paragraphs: string[]): number {
  return paragraphs.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).join(' ').length + 1, 0);
}

/**
 * The paragraphs wrapped to `width`, cut after `shown` characters. Wrapping the whole text
 * first keeps words from jumping to the next line halfway through being typed.
 */
export function revealParagraphs(paragraphs: string[], width: number, shown: number): string[][] {
  let left = shown;
  const out: string[][] = [];
  for (const text of paragraphs) {
    if (left <= 0) break;
    const lines: string[] = [];
    for (const line of wrapText(text, width)) {
      if (left <= 0) break;
      lines.push(line.slice(0, left));
      // the space (or line break) after a line counts as one character
      left -= line.length + 1;
    }
    out.push(lines);
  }
  return out;
}
