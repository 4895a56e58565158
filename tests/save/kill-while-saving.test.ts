// A game killed (SIGKILL) at any moment while it autosaves must leave the old file or the
// new one, never a broken one. The real binary plays choice-undo-choice-undo… so every
// step writes the autosave and the profile; the test kills it again and again, some kills
// at random moments and some placed exactly between the temporary file and the rename
// (PUSHER_TEST_PAUSE_BEFORE_RENAME makes the writer wait there).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSave } from '../../src/save/save-format.js';
import { parseProfile } from '../../src/save/profile.js';
import { tempDir } from './helpers.js';

const BIN = 'bin/pusher.js';
const INPUT = '1\nundo\n'.repeat(5000);

function startGame(home: string, pauseMs: number) {
  const child = spawn(process.execPath, [BIN, 'play', 'tests/fixtures/tiny.pusher', '--seed', '3'], {
    env: {
      ...process.env,
      PUSHER_HOME: home,
      PUSHER_NO_FATE_WARMUP: '1',
      PUSHER_TEST_PAUSE_BEFORE_RENAME: String(pauseMs),
    },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.stdin.on('error', () => undefined);
  child.stdin.write(INPUT);
  return child;
}

const killed = (child: ReturnType<typeof spawn>) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await sleep(5);
}

/** Every file the game keeps must read cleanly (or not exist yet). */
function expectReadable(home: string): void {
  const data = join(home, 'data');
  const autosave = join(data, 'saves', 'tiny', 'autosave.json');
  if (existsSync(autosave))
    expect(parseSave(readFileSync(autosave, 'utf8')).ok, readFileSync(autosave, 'utf8')).toBe(true);
  const profile = join(data, 'profile.json');
  if (existsSync(profile)) expect(parseProfile(readFileSync(profile, 'utf8')).ok).toBe(true);
}

/** A file's text, or '' when it is gone (a temporary file can be renamed between listing and reading). */
function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function tempFiles(folder: string): string[] {
  try {
    return readdirSync(folder).filter((file) => file.startsWith('.tmp-'));
  } catch {
    return [];
  }
}

describe('killed while autosaving', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it('never leaves an unreadable file when killed at random moments', async () => {
    const home = tempDir();
    let wrote = 0;
    for (let i = 0; i < 12; i++) {
      const child = startGame(home, 0);
      // The first game is killed only once it has saved (a loaded machine starts games
      // slowly), so every later kill has an old autosave to lose.
      if (i === 0) await until(() => existsSync(join(home, 'data', 'saves', 'tiny', 'autosave.json')));
      await sleep(150 + ((i * 97) % 400));
      await killed(child);
      expectReadable(home);
      if (existsSync(join(home, 'data', 'saves', 'tiny', 'autosave.json'))) wrote++;
    }
    expect(wrote).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the old version when killed between writing the temporary file and the rename', async () => {
    const home = tempDir();
    const folder = join(home, 'data', 'saves', 'tiny');
    const autosave = join(folder, 'autosave.json');
    let placed = 0;
    for (let i = 0; i < 6; i++) {
      const child = startGame(home, 400);
      // Wait for the autosave's temporary file: the writer now sits before the rename.
      const until = Date.now() + 15_000;
      let before: string | null = null;
      let found = false;
      while (Date.now() < until) {
        const pending = tempFiles(folder).filter((file) => file.startsWith('.tmp-autosave.json.'));
        // From the second round on, wait for a write that replaces an existing autosave.
        // The temporary file appears empty when it is opened; the writer pauses only once it
        // holds a whole save (flushed), so that is what marks the pause.
        if (
          pending.length &&
          (i === 0 || existsSync(autosave)) &&
          parseSave(readOrEmpty(join(folder, pending[0]!))).ok
        ) {
          found = true;
          before = existsSync(autosave) ? readFileSync(autosave, 'utf8') : null;
          break;
        }
        await sleep(5);
      }
      await killed(child);
      expect(found, 'the writer never paused before a rename').toBe(true);
      if (i > 0) expect(before).not.toBeNull();
      placed++;
      // The rename never happened: the autosave is exactly what it was.
      expect(existsSync(autosave) ? readFileSync(autosave, 'utf8') : null).toBe(before);
      expectReadable(home);
    }
    expect(placed).toBe(6);
    // The next game ignores the leftovers and still continues the last complete autosave.
    const list = spawn(process.execPath, [BIN, 'saves', 'tests/fixtures/tiny.pusher', '--json'], {
      env: { ...process.env, PUSHER_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    list.stdout.on('data', (chunk) => (out += chunk));
    await new Promise((resolve) => list.once('exit', resolve));
    const saves = JSON.parse(out).saves as Array<{ name: string; ok: boolean }>;
    expect(saves.every((slot) => slot.ok)).toBe(true);
  }, 120_000);
});
