// Text for a terminal that cannot show more than ASCII (a C or POSIX locale): every other
// character becomes ASCII of the same width, so a layout measured on the original text still
// fits: box drawing becomes + - |, blocks #, dashes -, quotes ' and ", accented letters
// lose their accents, wide characters become ??, and marks that take no room go.
import { charWidth } from './char-width.js';

const SAME_WIDTH: Record<string, string> = {
  '\u00a0': ' ',
  '\u00b7': '|', // middle dot, the game's separator
  '\u2022': '*',
  '\u2023': '>',
  '\u2026': '.',
  '\u2039': '<',
  '\u203a': '>',
  '\u00ab': '<',
  '\u00bb': '>',
  '\u2212': '-',
  '\u00d7': 'x',
  '\u00f7': '/',
  '\u00a9': 'c',
  '\u00ae': 'r',
  '\u2122': 't',
  '\u00b0': 'o',
  '\u20ac': 'E',
  '\u00a3': 'L',
  '\u00a5': 'Y',
  '\u00a2': 'c',
  '\u00a7': 'S',
  '\u00b6': 'P',
  '\u00bf': '?',
  '\u00a1': '!',
  '\u2190': '<',
  '\u2191': '^',
  '\u2192': '>',
  '\u2193': 'v',
  '\u2194': '-',
  '\u2195': '|',
  '\u21b6': '<',
  '\u21a9': '<',
  '\u21aa': '>',
  '\u25cf': '*',
  '\u25cb': 'o',
  '\u25c6': '*',
  '\u25c7': 'o',
  '\u25a0': '#',
  '\u25a1': 'o',
  '\u25b6': '>',
  '\u25c0': '<',
  '\u25b2': '^',
  '\u25bc': 'v',
  '\u2605': '*',
  '\u2606': '*',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2718': 'x',
  '\u2726': '*',
  '\u2727': '*',
  '\u00e6': 'a',
  '\u00c6': 'A',
  '\u00f8': 'o',
  '\u00d8': 'O',
  '\u0153': 'o',
  '\u0152': 'O',
  '\u00df': 's',
  '\u00f0': 'd',
  '\u00d0': 'D',
  '\u00fe': 't',
  '\u00de': 'T',
  '\u0142': 'l',
  '\u0141': 'L',
  '\u0111': 'd',
  '\u0110': 'D',
  '\u0131': 'i',
};

const DASHES = /[\u2010-\u2015\u2043\u2e3a\u2e3b]/u;
const SINGLE_QUOTES = /[\u2018-\u201b\u2032\u2035]/u;
const DOUBLE_QUOTES = /[\u201c-\u201f\u2033\u2036]/u;
/** an emoji joined to others (a family, a skin tone): one picture, two columns */
const EMOJI_SEQUENCE =
  /\p{Extended_Pictographic}(?:\ufe0f|[\u{1f3fb}-\u{1f3ff}]|\u200d\p{Extended_Pictographic}\ufe0f?)+/gu;

/** `text` with only ASCII, each character as wide on a terminal as the one it stands for. */
export function foldToAscii(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text;
  let out = '';
  for (const char of text.replace(EMOJI_SEQUENCE, (seq) => '?'.repeat(charWidth(firstChar(seq)) || 1))) {
    out += foldChar(char);
  }
  return out;
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0)!);
}

const folded = new Map<string, string>();

function foldChar(char: string): string {
  let ascii = folded.get(char);
  if (ascii === undefined) {
    ascii = foldOne(char);
    if (folded.size < 4096) folded.set(char, ascii);
  }
  return ascii;
}

function foldOne(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x80) return char;
  const known = SAME_WIDTH[char];
  if (known !== undefined) return known;
  if (code >= 0x2500 && code <= 0x257f) return boxChar(code);
  if (code >= 0x2580 && code <= 0x259f) return blockChar(code);
  if (DASHES.test(char)) return '-';
  if (SINGLE_QUOTES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  if (/^\p{Zs}$/u.test(char)) return ' ';
  const width = charWidth(char);
  if (width !== 1) return '?'.repeat(width);
  // a Latin letter with marks: the letter alone
  const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
  if (bare.length === 1 && bare.charCodeAt(0) < 0x80) return bare;
  return '?';
}

/** Box drawing: lines that run across become -, lines that run down |, everything else +. */
function boxChar(code: number): string {
  const across = [
    0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254c, 0x254d, 0x2550, 0x2574, 0x2576, 0x2578, 0x257a, 0x257c,
    0x257e,
  ];
  const down = [
    0x2502, 0x2503, 0x2506, 0x2507, 0x250a, 0x250b, 0x254e, 0x254f, 0x2551, 0x2575, 0x2577, 0x2579, 0x257b, 0x257d,
    0x257f,
  ];
  if (across.includes(code)) return '-';
  if (down.includes(code)) return '|';
  return '+';
}

/** Block elements: shades by how dark they are, the rest solid. */
function blockChar(code: number): string {
  if (code === 0x2591) return '.';
  if (code === 0x2592) return ':';
  return '#';
}
