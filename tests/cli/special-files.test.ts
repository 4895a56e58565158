// A FIFO, a device or a folder named as a story, an included file, a save or the profile
// must never hang the game or fill its memory: it is refused with a clear message (exit 2
// for what the player named), and at most a documented size is read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_STORY_FILE_BYTES } from '../../src/save/read-regular-file.js';

const TINY = 'tests/fixtures/tiny.pusher';
const posix = process.platform !== 'win32';

function pusher(home: string, args: string[]) {
  const result = spawnSync(process.execPath, ['bin/pusher.js', ...args], {
    input: '',
    encoding: 'utf8',
    // a hang shows as a null status, not as a slow test
    timeout: 15_000,
    env: { ...process.env, PUSHER_HOME: home, PUSHER_NO_FATE_WARMUP: '1', NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

const folder = () => mkdtempSync(join(tmpdir(), 'pusher-special-'));

describe.skipIf(!posix)('files that are not regular files', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it('a device or a FIFO named as the story: refused at once, exit 2', () => {
    const dir = folder();
    const fifo = join(dir, 'story.pusher');
    mkfifo(fifo);
    for (const [args, kind] of [
      [['play', '/dev/zero', '--plain'], 'a device'],
      [['play', fifo, '--plain'], 'a named pipe (FIFO)'],
      [['check', '/dev/zero'], 'a device'],
      [['map', fifo], 'a named pipe (FIFO)'],
      [['play', dir, '--plain'], 'a folder'],
    ] as const) {
      const run = pusher(dir, [...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(`cannot read the story file: it is ${kind}, not a regular file`);
    }
  });

  it('a FIFO included by a story: a positioned problem saying so', () => {
    const dir = folder();
    const source = readTiny().replace('@start    kitchen', '@start    kitchen\n@include "more.pusher"');
    writeFileSync(join(dir, 'main.pusher'), source);
    mkfifo(join(dir, 'more.pusher'));
    const run = pusher(dir, ['play', join(dir, 'main.pusher'), '--plain']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/main\.pusher:\d+:\d+: cannot read 'more\.pusher' .*: it is a named pipe \(FIFO\)/);
  });

  it(`a story file past the cap (${MAX_STORY_FILE_BYTES} bytes) is refused unread`, () => {
    const dir = folder();
    const big = join(dir, 'big.pusher');
    writeFileSync(big, `${readTiny()}\n// ${'x'.repeat(MAX_STORY_FILE_BYTES)}\n`);
    const run = pusher(dir, ['play', big, '--plain']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read the story file: it is larger than 8 MB, the most this game reads');
  });

  it('a FIFO as a save slot or as the profile: reported, never waited on', () => {
    const home = folder();
    mkdirSync(join(home, 'data', 'saves', 'tiny'), { recursive: true });
    mkfifo(join(home, 'data', 'saves', 'tiny', 'stuck.json'));
    const load = pusher(home, ['play', TINY, '--load', 'stuck']);
    expect(load.code).toBe(2);
    expect(load.stderr).toContain("Cannot load 'stuck': it is a named pipe (FIFO), not a regular file.");
    expect(pusher(home, ['saves', TINY]).stdout).toContain('stuck: unreadable: it is a named pipe (FIFO)');

    mkfifo(join(home, 'data', 'profile.json'));
    const play = pusher(home, ['play', TINY, '--seed', '1', '--choices', '1']);
    expect(play.code).toBe(0);
    expect(play.stdout).toContain('cannot be read: it is a named pipe (FIFO), not a regular file. It is left as it is');
    const endings = pusher(home, ['endings', TINY]);
    expect(endings.code).toBe(0);
    expect(endings.stderr).toContain('cannot be read: it is a named pipe (FIFO)');
  });
});

function readTiny(): string {
  return readFileSync(TINY, 'utf8');
}
