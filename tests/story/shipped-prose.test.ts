import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultStoryPath } from '../../src/cli/load-story.js';

// The shipped week's prose rules that are about words, not state (issue 16, point 5, and the
// reviews' refrains): read straight from the source, comments left out.
const folder = dirname(defaultStoryPath());
const lines = readdirSync(folder)
  .filter((name) => name.endsWith('.pusher'))
  .flatMap((name) =>
    readFileSync(join(folder, name), 'utf8')
      .split('\n')
      .map((text, at) => ({ where: `${name}:${at + 1}`, text: text.replace(/\/\/.*$/, '') })),
  );

const uses = (pattern: RegExp) => lines.filter((line) => pattern.test(line.text)).map((line) => line.where);

describe('the shipped prose', () => {
  it('never prints the raw clock or deadline: times are said as people say them', () => {
    expect(uses(/\{(clock|deadline)\}/)).toEqual([]);
  });

  it.each([
    ['twelve tables', /twelve tables/i],
    ["Milo doesn't make change", /make change/i],
    ['the colour of dishwater', /dishwater/i],
    ['the radiator that knocks like someone', /radiator knocks like/i],
    ['money going downhill', /downhill/i],
    ['time going like water', /like water/i],
  ])('says "%s" at most once in the week', (_refrain, pattern) => {
    expect(uses(pattern).length).toBeLessThanOrEqual(1);
  });
});
