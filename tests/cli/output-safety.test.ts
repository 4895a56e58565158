// End to end: escape sequences put in a story file, save files and arguments never reach the
// terminal, whatever command prints them. Every command prints through one door (safeText).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ESC = '\u001b';
// a window-title change (OSC), a screen clear (CSI), an 8-bit CSI and a bell
const EVIL = `${ESC}]0;pwned\u0007${ESC}[2J\u009b31m\u0007`;
// in a choice's label a `[` would start its cost
const OSC = `${ESC}]0;pwned\u0007`;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const STORY = `@id evil
@title "Evil ${EVIL} title"
@start a
@clock Mon 08:00
@timeout Mon 20:00 -> over
@var debt = 100 in 0..1000
@time deadline = Mon 12:00

=== a
Prose ${EVIL} here.
* Go ${OSC} on. [1h] -> over #go
* Stay. [1h] -> a #stay

=== ending over "Over ${EVIL} and out"
Done ${EVIL}.
`;

function setUp() {
  const home = mkdtempSync(join(tmpdir(), 'pusher-safety-'));
  const story = join(home, 'evil.pusher');
  writeFileSync(story, STORY);
  return { home, story };
}

function pusher(home: string, args: string[], input = '') {
  if (!existsSync('dist/pusher.cjs')) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  const result = spawnSync(process.execPath, ['bin/pusher.js', ...args], {
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, PUSHER_HOME: home, PUSHER_NO_FATE_WARMUP: '1', NO_COLOR: '1' },
  });
  return { code: result.status, output: result.stdout + result.stderr };
}

/** A save of `story` whose fields a hostile or broken program filled in. */
function writeSave(home: string, name: string, fields: Record<string, unknown>) {
  const folder = join(home, 'data', 'saves', 'evil');
  mkdirSync(folder, { recursive: true });
  const save = {
    format: 'pusher-save',
    version: 1,
    story: 'evil',
    fingerprint: 'x',
    seed: 1,
    taken: ['stay'],
    savedAt: '2026-01-01T00:00:00.000Z',
    scene: 'a',
    clock: 540,
    ending: null,
    ...fields,
  };
  writeFileSync(join(folder, `${name}.json`), JSON.stringify(save));
}

function expectSafe(result: { output: string }, shows: string[]) {
  expect(result.output).not.toMatch(CONTROL);
  for (const text of shows) expect(result.output).toContain(text);
}

describe('no escape sequence reaches the terminal', () => {
  const { home, story } = setUp();

  it.each([
    ['map', ['map', story], 'Evil title: 2 scenes'],
    ['map --format mermaid', ['map', story, '--format', 'mermaid'], 'Go on. [1h]'],
    ['map --format dot', ['map', story, '--format', 'dot'], 'END: Over and out'],
    ['check --fates', ['check', story, '--fates'], 'Over and out'],
    ['check --random', ['check', story, '--random', '20'], 'Over and out'],
    ['endings', ['endings', story], 'Over and out (first found'],
    ['play', ['play', story, '--plain', '--seed', '1'], 'Prose here.'],
  ])('%s', (_, args, shows) => {
    if (args[0] === 'endings') pusher(home, ['play', story, '--plain', '--seed', '1'], '1\n');
    const result = pusher(home, args, args[0] === 'play' ? '2\n1\n' : '');
    expect(result.code).toBe(0);
    expectSafe(result, [shows]);
  });

  it('check on a story whose problems quote the escape sequences', () => {
    const bad = join(home, 'bad.pusher');
    writeFileSync(bad, STORY.replace('-> over #go', `-> ov${EVIL}er #go`));
    const result = pusher(home, ['check', bad]);
    expect(result.code).toBe(2);
    expectSafe(result, ["'over' is not a scene id", '1 problem in']);
  });

  it('saves, and --load of saves that quote them', () => {
    writeSave(home, 'listed', { scene: `a${EVIL}\nnext line`, ending: null });
    writeSave(home, 'foreign', { story: `other${EVIL}` });
    writeSave(home, 'changed', { taken: ['stay', `gone${EVIL}`] });
    expectSafe(pusher(home, ['saves', story]), ['listed: Mon 09:00 in a next line']);
    const foreign = pusher(home, ['play', story, '--load', 'foreign']);
    expect(foreign.code).toBe(2);
    expectSafe(foreign, ["belongs to the story 'other'"]);
    // the story has changed since this save: the notice quotes the choice that is gone
    expectSafe(pusher(home, ['play', story, '--load', 'changed'], ''), ["('gone')"]);
  });

  it('arguments quoted back in errors', () => {
    for (const args of [
      ['play', story, '--from', `x${EVIL}`],
      ['play', story, '--set', `debt=${EVIL}`],
      ['play', story, '--load', `x${EVIL}`],
      ['check', story, `--max-states=${EVIL}`],
      ['map', join(home, `missing${EVIL}.pusher`)],
    ]) {
      const result = pusher(home, args);
      expect(result.code).toBe(2);
      expectSafe(result, []);
    }
  });

  it('leaves the story file and the saves as they were', () => {
    expect(readFileSync(story, 'utf8')).toBe(STORY);
  });
});
