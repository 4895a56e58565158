// The real binary in a real pseudo-terminal (tmux): a seeded game played to its ending by
// keystrokes, Ctrl+C and SIGTERM mid-scene, and each time the terminal left as it was found.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, startTmux } from './tmux.js';

const STORY = 'tests/fixtures/tiny.pusher';
// CI is set in every shell on purpose: CI machines set it, and the game must still draw as a
// game at a terminal (Ink alone would not). Each shell gets its own data folder: a game played
// in one must not make another's text count as already seen, or offer to continue its run.
const tmux = startTmux();
const { openShell, screen, keys, type, waitFor } = tmux;

/** Runs `stty -a` in the pane the game just left and checks cooked mode, echo and the cursor. */
async function expectTerminalRestored(name: string): Promise<void> {
  keys(name, 'C-l');
  type(name, 'stty -a | tr " ;" "\\n\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo "[stty done]"');
  const now = await waitFor(name, /^.*\[stty done\]$/m);
  const line = now.split('\n').find((l) => l.includes('[stty done]') && !l.includes('echo "'))!;
  expect(line).toMatch(/(^| )icanon /);
  expect(line).toMatch(/(^| )echo /);
  expect(line).not.toContain('-icanon');
  expect(line).not.toContain('-echo ');
  expect(tmux.cursorShown(name)).toBe(true);
}

describe.skipIf(!hasTmux)('pusher play on a terminal (tmux)', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) execFileSync('node', ['scripts/build.js']);
  });
  afterAll(() => {
    tmux.stop();
  });

  it('plays a seeded game to its ending by keystrokes and leaves the terminal as it was', async () => {
    openShell('ending', 100, 30);
    // as a player runs it: the game starts the fate cache's background count
    type('ending', `env PUSHER_NO_FATE_WARMUP= node bin/pusher.js play ${STORY} --seed 7; echo "[exit $?]"`);
    // the content note heads the first frame, above the scene; nothing waits for a key
    await waitFor('ending', 'Content note');
    await waitFor('ending', '1) Count the jar.');
    expect(screen('ending')).toMatch(/Debt +1,000 kr +█/);
    keys('ending', '1');
    await waitFor('ending', 'Day 1 · Monday 08:05');
    // skip the typing, then the arrow keys and Enter take "Hide under the bed"
    keys('ending', 'Space');
    await waitFor('ending', '1) Count the jar.');
    keys('ending', 'Down', 'Down', 'Down', 'Enter');
    const ending = await waitFor('ending', 'THE END — Night Falls');
    expect(ending).toContain('Enter or r: play again');
    expect(ending).toContain('Days survived 1 · Final debt 1,000 kr · Seed 7');
    expect(ending).toMatch(/Mon 08:00 +Count the jar\.\s+Mon 08:05 +Hide under the bed/);
    keys('ending', 'q');
    await waitFor('ending', '[exit 0]');
    await expectTerminalRestored('ending');
  });

  it('leaves cleanly on Ctrl+C in the middle of a scene, at 40 columns', async () => {
    openShell('interrupt', 40, 20);
    type('interrupt', `node bin/pusher.js play ${STORY} --seed 3; echo "[exit $?]"`);
    await waitFor('interrupt', 'Content note');
    await waitFor('interrupt', 'any key: skip');
    keys('interrupt', 'C-c');
    const now = await waitFor('interrupt', '[exit 130]');
    expect(now).toContain('You stopped at Mon 08:00.');
    await expectTerminalRestored('interrupt');
  });

  it('leaves cleanly on SIGTERM', async () => {
    const seed = 400_000 + Math.floor(Math.random() * 100_000);
    openShell('term', 80, 24);
    type('term', `node bin/pusher.js play ${STORY} --seed ${seed}; echo "[exit $?]"`);
    await waitFor('term', 'Content note');
    await waitFor('term', 'Count the jar.');
    const pid = execFileSync('pgrep', ['-f', `pusher.js play ${STORY} --seed ${seed}$`], { encoding: 'utf8' })
      .trim()
      .split('\n')[0]!;
    process.kill(Number(pid), 'SIGTERM');
    await waitFor('term', '[exit 143]');
    await expectTerminalRestored('term');
  });

  it('keeps code caches for the commands and the UI: written by the first start, used by the next, replaced when corrupt', async () => {
    const home = openShell('cache', 80, 24);
    const cacheFiles = () =>
      existsSync(join(home, 'cache'))
        ? readdirSync(join(home, 'cache'))
            .filter((f) => f.endsWith('.v8cache'))
            .sort()
        : [];
    const start = async () => {
      keys('cache', 'C-l');
      type('cache', `node bin/pusher.js play ${STORY} --new --seed 5; echo "[exit $?]"`);
      await waitFor('cache', '1) Count the jar.');
      keys('cache', 'q');
      await waitFor('cache', 'Quit this run?');
      keys('cache', 'y');
      await waitFor('cache', '[exit 0]');
    };
    await start();
    const files = cacheFiles();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^commands\.cjs\.[0-9a-f]{24}\.v8cache$/);
    expect(files[1]).toMatch(/^play-ink\.cjs\.[0-9a-f]{24}\.v8cache$/);
    const paths = files.map((file) => join(home, 'cache', file));
    const written = paths.map((path) => statSync(path).mtimeMs);
    // a start that V8 accepted the caches for leaves them alone; any other start rewrites them
    await start();
    expect(paths.map((path) => statSync(path).mtimeMs)).toEqual(written);
    for (const path of paths) writeFileSync(path, 'not a code cache');
    await start();
    expect(cacheFiles()).toEqual(files);
    for (const path of paths) {
      expect(readFileSync(path, 'latin1')).not.toBe('not a code cache');
      expect(statSync(path).size).toBeGreaterThan(1000);
    }
  });

  it('plays plain when input is piped, even inside a terminal', async () => {
    openShell('piped', 80, 24);
    type('piped', `printf '1\\n' | node bin/pusher.js play ${STORY} --seed 7 | cat; echo "[exit $?]"`);
    const now = await waitFor('piped', '[exit 0]');
    expect(now).toContain('1) Count the jar. (5 m)');
    expect(now).toContain('Two hundred, give or take.');
    expect(now).not.toContain('Raw mode is not supported');
  });
});
