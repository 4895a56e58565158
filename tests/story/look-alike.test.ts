// Lines that look like a construct but are not one are problems with a hint, not prose.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { lookAlike } from '../../src/story/look-alike.js';
import { HEAD, parseBody, positions, where } from './helpers.js';

const HINT = 'start the line with \\ if it is prose';

describe('a line that looks like a construct', () => {
  it.each([
    ['  lokced unless debt > 0: No.', "'lokced unless' is not a condition (did you mean 'locked unless'?); " + HINT],
    ['  hiden unless debt > 1', "'hiden unless' is not a condition (did you mean 'hidden unless'?); " + HINT],
    ['  locked unles debt > 1: No.', "'locked unles' is not a condition (did you mean 'locked unless'?); " + HINT],
    ['  12.5% -> over', 'a chance is a whole percentage, not 12.5% (`12% -> scene`)'],
    ['  wait 2h', "an effect starts with `~` (did you mean '~ wait 2h'?)"],
    ['  debt += 10', "an effect starts with `~` (did you mean '~ debt += 10'?)"],
    ['  => over', "a jump reads `-> over` (did you mean '->'?)"],
  ])('under a choice: %s', (line, message) => {
    const result = parseBody(`=== a\n* Go. [1h] -> over\n${line}\n\n=== ending over "Over"\n`);
    expect(positions(result)).toEqual([`${where('main.pusher', result.source, line, line.trim())}: ${message}`]);
  });

  it.each([
    ['elsif debt > 2', "'elsif' is not a keyword (did you mean 'elif'?); " + HINT],
    ['elseif debt > 2', "'elseif' is not a keyword (did you mean 'elif'?); " + HINT],
    ['Elif debt > 2', "keywords are lower case (did you mean 'elif'?); " + HINT],
    ['esle', "'esle' is not a keyword (did you mean 'else'?); " + HINT],
  ])('in an if block: %s', (line, message) => {
    const result = parseBody(`=== a\nif debt > 1\n  One.\n${line}\n  Two.\nend\n* Go. [1h] -> over\n\n=== ending over "Over"\n`);
    expect(positions(result)).toEqual([`${where('main.pusher', result.source, line)}: ${message}`]);
  });

  it.each([
    ['endif', "'endif' is not a keyword (did you mean 'end'?); " + HINT],
    ['iff debt > 1', "'iff' is not a keyword (did you mean 'if'?); " + HINT],
    ['If debt > 1', "keywords are lower case (did you mean 'if'?); " + HINT],
    ['== b', 'a scene header starts with three: `=== scene_id`'],
    ['wait until Tue 08:00', "an effect starts with `~` (did you mean '~ wait until Tue 08:00'?)"],
  ])('in a scene: %s', (line, message) => {
    const result = parseBody(`=== a\nSome prose.\n${line}\n* Go. [1h] -> over\n\n=== ending over "Over"\n`);
    expect(positions(result)).toEqual([`${where('main.pusher', result.source, line)}: ${message}`]);
  });

  it('a misspelt ending header gets a did-you-mean', () => {
    const result = parseBody(`=== a\n* Go. [1h] -> over\n\n=== endng over "Over"\n`);
    expect(positions(result)).toContain(`${where('main.pusher', result.source, '=== endng', 'endng')}: 'endng' is not a keyword (did you mean '=== ending'?)`);
  });

  it('a misspelt directive gets a did-you-mean', () => {
    const result = parseBody(`=== a\n* Go. [1h] -> over\n\n=== ending over "Over"\n`, `${HEAD}@flg x\n`);
    expect(positions(result)).toEqual([`${where('main.pusher', result.source, '@flg x')}: unknown directive @flg (did you mean '@flag'?)`]);
  });

  it('is prose when it starts with \\', () => {
    const result = parseBody(`=== a\n\\lokced unless debt > 0: No.\n\\12.5% -> over\n* Go. [1h] -> over\n\n=== ending over "Over"\n`);
    expect(result.problems).toEqual([]);
  });
});

describe('real prose is left alone', () => {
  it.each([
    'If you go now, you will miss him.',
    'If so, nobody says.',
    'If love and money were the same thing.',
    'Hidden in the drawer is a gun.',
    'Locked doors, all of them.',
    'and then nothing',
    'Wait until dawn.',
    'wait until dawn',
    'wait for me',
    'End of the line.',
    'End',
    'Else nothing.',
    'Elsewhere, a dog barks.',
    'life is short',
    'twelve and a half percent: 12.5 of every hundred',
    'Fifty-fifty -> nothing.',
    'Ned says nothing.',
    '= is how a sum ends',
  ])('%s', (line) => {
    expect(lookAlike(line)).toBeNull();
  });

  it('no line of the shipped story or the fixtures looks like a construct', () => {
    const hits: string[] = [];
    for (const dir of ['story', 'tests/fixtures']) {
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.pusher'))) {
        readFileSync(`${dir}/${file}`, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (lookAlike(line.trim())) hits.push(`${file}:${i + 1}`);
          });
      }
    }
    expect(hits).toEqual([]);
  });

  it('property: a sentence (a capital, words, a full stop) is never a construct', () => {
    const word = fc.constantFrom('if', 'end', 'else', 'hidden', 'locked', 'unless', 'wait', 'until', 'and', 'the', 'cash', 'debt', 'not', 'or', 'is', '2h', '12.5', 'night');
    const sentence = fc
      .tuple(fc.constantFrom('Then', 'You', 'Nobody', 'Milo', 'Vic', 'Somewhere', 'It'), fc.array(word, { maxLength: 10 }))
      .map(([first, rest]) => `${[first, ...rest].join(' ')}.`);
    fc.assert(
      fc.property(sentence, (line) => {
        expect(lookAlike(line)).toBeNull();
      }),
    );
  });

  it('property: a misspelt keyword before a condition is always caught', () => {
    const misspelt = fc.constantFrom('elsif', 'elseif', 'iff', 'eslif');
    const condition = fc.tuple(fc.constantFrom('debt', 'cash', 'day'), fc.constantFrom('>', '<', '==', '>='), fc.nat(1000)).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(misspelt, condition, (keyword, cond) => {
        expect(lookAlike(`${keyword} ${cond}`)?.message).toMatch(/is not a keyword/);
      }),
    );
  });
});
