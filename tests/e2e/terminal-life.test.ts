// The real binary in tmux through what a terminal does to a game besides keys: the window
// closed under it, Ctrl+Z and fg, keys that arrive together, terminals that cannot draw.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasTmux, startTmux, type Tmux } from './tmux.js';

const STORY = 'tests/fixtures/tiny.pusher';
let tmux: Tmux;

describe.skipIf(!hasTmux)('the game and its terminal (tmux)', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) execFileSync('node', ['scripts/build.js']);
    tmux = startTmux();
  });
  afterAll(() => tmux.stop());

  it('leaves quietly with 129 when the window is closed, its autosave intact', async () => {
    const home = tmux.openShell('hangup', 100, 30);
    // The shell that owns the window passes the hang-up on to the game and dies with it;
    // a shell in between that ignores it outlives the window to note how the game ended.
    const err = join(home, 'stderr.txt');
    const rc = join(home, 'rc.txt');
    tmux.type('hangup', `bash -c 'trap "" HUP; node bin/pusher.js play ${STORY} --seed 7 2>${err}; echo $? > ${rc}'`);
    await tmux.waitFor('hangup', '1) Count the jar.');
    tmux.keys('hangup', '1');
    await tmux.waitFor('hangup', 'Day 1 · Monday 08:05');
    tmux.kill('hangup');
    const code = await eventually(() => (existsSync(rc) ? readFileSync(rc, 'utf8').trim() || undefined : undefined));
    expect(code).toBe('129');
    // nothing but, at most, the cursor shown again: no stack trace, no native assertion
    expect(readFileSync(err, 'utf8').replaceAll('\u001b[?25h', '')).toBe('');
    const saves = execFileSync('node', ['bin/pusher.js', 'saves', STORY, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, PUSHER_HOME: home },
    });
    expect(JSON.parse(saves).saves).toEqual([
      expect.objectContaining({ name: 'autosave', ok: true, seed: 7, choices: 1, scene: 'kitchen' }),
    ]);
  });
});
