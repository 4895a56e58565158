import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeUtf8 } from '../../src/text/decode-utf8.js';
import { parseStoryFile } from '../../src/cli/load-story.js';
import { HEAD } from '../story/helpers.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeUtf8', () => {
  it('passes UTF-8 through with nothing to report', () => {
    expect(decodeUtf8(bytes('Café\nNørrebro 🚲\n'))).toEqual({ text: 'Café\nNørrebro 🚲\n', invalid: [] });
  });

  it('points at the first bad byte of each line, counting columns in the decoded line', () => {
    const result = decodeUtf8(bytes('ok\nCaf', [0xe9], ' au lait ', [0xff], '\nfine é\nø', [0xc3]));
    expect(result.invalid).toEqual([
      { line: 2, col: 4 },
      { line: 4, col: 2 }, // a character cut short at the end of the file
    ]);
    expect(result.text).toBe('ok\nCaf\ufffd au lait \ufffd\nfine é\nø\ufffd');
  });

  it('property: one bad byte put anywhere in UTF-8 text is found at its line and column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        (lines, lineAt, colAt) => {
          const clean = lines.map((line) => line.replace(/\n/g, ''));
          const target = lineAt % clean.length;
          const chars = [...clean[target]!];
          const cut = colAt % (chars.length + 1);
          const before = chars.slice(0, cut).join('');
          const damaged = clean.map((line, i) =>
            i === target ? bytes(before, [0xff], chars.slice(cut).join('')) : bytes(line),
          );
          const joined = Buffer.concat(damaged.flatMap((line, i) => (i ? [bytes('\n'), line] : [line])));
          expect(decodeUtf8(joined).invalid).toEqual([{ line: target + 1, col: before.length + 1 }]);
        },
      ),
    );
  });
});

describe('a story file that is not UTF-8', () => {
  it('is refused by the loader with a positioned problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pusher-utf8-'));
    const path = join(dir, 'bad.pusher');
    writeFileSync(path, bytes(`${HEAD}=== a\nCaf`, [0xe9], '.\n* Go. [1h] -> over\n=== ending over "Over"\n'));
    const result = parseStoryFile(path);
    expect(result.story).toBeNull();
    const line = HEAD.split('\n').length + 1;
    expect(result.problems).toEqual([
      { file: path, line, col: 4, message: 'this line is not valid UTF-8 (save the file as UTF-8)' },
    ]);
  });
});
