// Ink draws every frame by cutting each line into styled characters and joining them back
// (@alcalzone/ansi-tokenize): a grapheme segmenter and a few Sets and arrays per character.
// With a screenful of prose that is most of the time and garbage of a frame. The bundle
// (scripts/bundle-options.js) gives Ink this module instead: the same functions, with two
// shortcuts that give exactly the same results (tests/ui/ansi-tokenize-fast.test.ts):
// - a line of plain characters that are each one grapheme and one column (ASCII, Latin,
//   punctuation, box drawing, blocks), bare or between colour and style sequences, needs
//   no segmenter;
// - characters share objects where they are the same (nothing changes them): an unstyled
//   character is one object wherever it is drawn, a run of styles one array;
// - between two characters with the same styles there is nothing to switch;
// - a colour or style sequence is read without the segmenter, so a frame of Latin text never
//   builds one (the first Intl.Segmenter of a process loads ICU data: 15 to 20 ms of start-up).
import {
  ansiCodesToString,
  diffAnsiCodes,
  reduceAnsiCodesIncremental,
  tokenize as tokenizeAny,
  type AnsiCode,
  type StyledChar,
  type Token,
} from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

/**
 * Characters that are one grapheme each, one column wide, and never escape codes: printable
 * ASCII, Latin-1 and Latin Extended (before the combining marks at U+0300), general
 * punctuation (dashes, quotes, ellipsis, guillemets), the minus sign, arrows, box drawing,
 * blocks and ✦.
 */
const PLAIN_CHARS =
  '\\u0020-\\u007e\\u00a0-\\u02ff\\u2010-\\u2027\\u2030-\\u203b\\u2190-\\u21ff\\u2212\\u2500-\\u259f\\u2726';
const PLAIN = new RegExp(`^[${PLAIN_CHARS}]*$`);
/** Plain characters and SGR sequences (colours, bold, dim…): what Ink's styled text is made of. */
const STYLED = new RegExp(`^(?:[${PLAIN_CHARS}]|\\u001b\\[[0-9;]*m)*$`);
// eslint-disable-next-line no-control-regex -- terminal escape sequences are exactly what this reads
const PIECES = /\u001b\[[0-9;]*m|[^\u001b]+/g;

export function tokenize(str: string, endChar = Number.POSITIVE_INFINITY): Token[] {
  if (PLAIN.test(str)) return plainTokens(str, endChar);
  if (!STYLED.test(str)) return tokenizeAny(str, endChar);
  // An escape character is a grapheme of its own, so the pieces between sequences are cut
  // into the same graphemes alone as in the line; each sequence is read by the package.
  const tokens: Token[] = [];
  let visible = 0;
  for (const [piece] of str.matchAll(PIECES)) {
    for (const token of piece.charCodeAt(0) === 0x1b
      ? sgrTokens(piece)
      : plainTokens(piece, Number.POSITIVE_INFINITY)) {
      tokens.push(token);
      if (token.type !== 'char') continue;
      visible += token.fullWidth ? 2 : 1;
      if (visible >= endChar) return tokens;
    }
  }
  return tokens;
}

/** The package's tokens for one whole SGR sequence (a compound one is split), kept per sequence. */
const sgrCache = new Map<string, Token[]>();

function sgrTokens(sequence: string): Token[] {
  let tokens = sgrCache.get(sequence);
  if (!tokens) {
    tokens = splitCompoundSgr(sequence).map((code) => ({ type: 'ansi', code, endCode: endCodeOf(code) }));
    // Chalk writes a few dozen sequences; a bound keeps odd input from growing the map forever.
    if (sgrCache.size < 512) sgrCache.set(sequence, tokens);
  }
  return tokens;
}

/**
 * The code that ends one single SGR code, as the package reads it: its getEndCode is not
 * among its exports, so the package tokenizes the code alone (once per sequence, cached above).
 */
function endCodeOf(code: string): string {
  const [token] = tokenizeAny(code);
  if (token?.type !== 'ansi') throw new Error(`ansi-tokenize-fast: ${JSON.stringify(code)} is not one SGR code`);
  return token.endCode;
}

/**
 * `\x1b[1;3;31m` as `\x1b[1m`, `\x1b[3m`, `\x1b[31m`, keeping 8-bit and 24-bit colours
 * (`38;5;n`, `48;2;r;g;b`) whole: the package's own rule, which it does not export.
 */
function splitCompoundSgr(sequence: string): string[] {
  if (!sequence.includes(';')) return [sequence];
  const parts = sequence.slice(2, -1).split(';');
  const codes: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if ((part === '38' || part === '48') && parts[i + 1] === '5' && i + 2 < parts.length) {
      codes.push(parts.slice(i, i + 3).join(';'));
      i += 2;
    } else if ((part === '38' || part === '48') && parts[i + 1] === '2' && i + 4 < parts.length) {
      codes.push(parts.slice(i, i + 5).join(';'));
      i += 4;
    } else codes.push(part);
  }
  return codes.map((code) => `\u001b[${code}m`);
}

function plainTokens(str: string, endChar: number): Token[] {
  const tokens: Token[] = [];
  let visible = 0;
  for (const value of str) {
    tokens.push(plain(value).token);
    visible += 1;
    if (visible >= endChar) break;
  }
  return tokens;
}

export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
  let codes: AnsiCode[] = [];
  let shared: AnsiCode[] | null = null;
  const chars: StyledChar[] = [];
  for (const token of tokens) {
    if (token.type === 'ansi') {
      codes = reduceAnsiCodesIncremental(codes, [token]);
      shared = null;
    } else if (token.type === 'char') {
      if (codes.length === 0 && !token.fullWidth && token.value.length === 1) chars.push(plain(token.value).styled);
      else {
        shared ??= [...codes];
        chars.push({ ...token, styles: shared });
      }
    }
  }
  return chars;
}

/**
 * Tokens and characters are values nothing changes (Ink copies them into its grid and reads
 * them), so an unstyled narrow character is one object however often it is drawn.
 */
const NO_STYLES: AnsiCode[] = [];
const plainChars = new Map<string, { token: Token; styled: StyledChar }>();

function plain(value: string): { token: Token; styled: StyledChar } {
  let found = plainChars.get(value);
  if (!found) {
    found = {
      token: { type: 'char', value, fullWidth: false },
      styled: { type: 'char', value, fullWidth: false, styles: NO_STYLES },
    };
    plainChars.set(value, found);
  }
  return found;
}

export function styledCharsToString(chars: StyledChar[]): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (i === 0) out += ansiCodesToString(char.styles);
    else if (!sameCodes(chars[i - 1]!.styles, char.styles))
      out += ansiCodesToString(diffAnsiCodes(chars[i - 1]!.styles, char.styles));
    out += char.value;
    // reset active styles at the end of the string
    if (i === chars.length - 1) out += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return out;
}

/** diffAnsiCodes(a, b) is empty when both hold the same codes: it compares only code and endCode. */
function sameCodes(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  return true;
}
