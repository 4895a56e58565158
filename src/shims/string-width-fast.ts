// Ink measures every piece of text with string-width (Yoga's measure function, each line it
// draws), and for anything beyond printable ASCII that package walks a grapheme segmenter
// and tests each grapheme against Unicode property regexes (the emoji one alone is costly to
// build and run). The game's prose is Latin text with typographic quotes and dashes, so at
// start-up that was most of the first frame's layout. The bundle (scripts/bundle-options.js)
// gives Ink this module instead: the same function, with one shortcut that gives exactly the
// same result (tests/ui/string-width-fast.test.ts checks every character it covers):
// a string of characters that are each one grapheme and one column wide, bare or between
// colour and style sequences, is as wide as it has characters.
import stringWidthAny, { type Options } from 'string-width';

/**
 * One column each and never joined into a wider grapheme: printable ASCII, Latin-1 (but the
 * soft hyphen, which has no width), Latin Extended, general punctuation (dashes, quotes,
 * ellipsis), the minus sign, arrows, box drawing, blocks and ✦. Several are East Asian
 * "ambiguous" width, so the shortcut holds only while those count as narrow (string-width's
 * default).
 */
const NARROW_CHARS =
  '\\u0020-\\u007e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u2010-\\u2027\\u2030-\\u203b\\u2190-\\u21ff\\u2212\\u2500-\\u259f\\u2726';
const NARROW = new RegExp(`^[${NARROW_CHARS}]*$`);
/**
 * Colour and style sequences (SGR) as chalk writes them, which string-width strips whole
 * (its pattern takes at most four digits at a time, hence the limit here).
 */
const SGR_PATTERN = '\\u001b\\[(?:[0-9]{1,3}(?:;[0-9]{1,3})*)?m';
const STYLED = new RegExp(`^(?:[${NARROW_CHARS}]|${SGR_PATTERN})*$`);
const SGR = new RegExp(SGR_PATTERN, 'g');

export default function stringWidth(input: string, options?: Options): number {
  if (typeof input === 'string' && options?.ambiguousIsNarrow !== false) {
    if (NARROW.test(input)) return input.length;
    if (!options?.countAnsiEscapeCodes && STYLED.test(input)) return input.replace(SGR, '').length;
  }
  return stringWidthAny(input, options);
}

export type { Options };
