// Story files are UTF-8. Bytes that are not become U+FFFD in the text, and their places are
// reported, so an author hears about a damaged file instead of reading odd prose in play.

export interface Utf8Text {
  text: string;
  /** the first bad spot on each line that has one: 1-based line, and column in the decoded line */
  invalid: Array<{ line: number; col: number }>;
}

const NEWLINE = 0x0a;

function isValidPrefix(bytes: Uint8Array, length: number): boolean {
  try {
    // `stream` forgives a character cut at the end of the prefix, so only real damage throws.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The column of the first bad byte sequence in one line's bytes (known to hold one). */
function firstBadColumn(line: Uint8Array): number {
  let good = 0; // the longest valid prefix, found by halving: validity only shrinks as a prefix grows
  let bad = line.length;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (isValidPrefix(line, middle)) good = middle;
    else bad = middle;
  }
  // a character begun and not finished before the bad byte is the spot to point at
  return new TextDecoder('utf-8').decode(line.subarray(0, good), { stream: true }).length + 1;
}

export function decodeUtf8(bytes: Uint8Array): Utf8Text {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (isWhole(bytes)) return { text, invalid: [] };
  const invalid: Utf8Text['invalid'] = [];
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    const lineBytes = bytes.subarray(start, end);
    if (!isWhole(lineBytes)) invalid.push({ line, col: firstBadColumn(lineBytes) });
    start = end + 1;
  }
  return { text, invalid };
}

/** True when the bytes are UTF-8 from end to end, with no character cut short. */
function isWhole(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
