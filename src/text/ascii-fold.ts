// Text for a terminal that cannot show more than ASCII (a C or POSIX locale): every other
// character becomes ASCII of the same width, so a layout measured on the original text still
// fits: box drawing becomes + - |, blocks #, dashes -, quotes ' and ", accented letters
// lose their accents, wide characters become ??, and marks that take no room go.

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
/** takes no room: combining marks, joiners, variation selectors, soft hyphen, BOM */
const NO_WIDTH = /^[\p{M}\p{Cf}\ufe00-\ufe0f]$/u;
/** East Asian wide and fullwidth characters, emoji: two columns */
const WIDE =
  /^[\u1100-\u115f\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{16fe0}-\u{1b2ff}\u{1f004}\u{1f0cf}\u{1f18e}\u{1f191}-\u{1f19a}\u{1f200}-\u{1f251}\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f7e0}-\u{1f7eb}\u{1f90c}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{3fffd}]$/u;
/** an emoji joined to others (a family, a skin tone): one picture, two columns */
const EMOJI_SEQUENCE =
  /\p{Extended_Pictographic}(?:\ufe0f|[\u{1f3fb}-\u{1f3ff}]|\u200d\p{Extended_Pictographic}\ufe0f?)+/gu;

/** `text` with only ASCII, each character as wide on a terminal as the one it stands for. */
export function foldToAscii(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text;
  let out = '';
  for (const char of text.replace(EMOJI_SEQUENCE, (seq) => (WIDE.test(firstChar(seq)) ? '??' : '?'))) {
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
  if (NO_WIDTH.test(char)) return '';
  if (WIDE.test(char)) return '??';
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
