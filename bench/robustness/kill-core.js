// SIGKILL during autosave (issue 7): the real binary plays choice, undo, choice, undo… so
// every step writes the autosave and the profile, and is killed again and again, most kills
// at random moments and every fourth placed exactly between the temporary file and the
// rename (PUSHER_TEST_PAUSE_BEFORE_RENAME makes the writer wait there). After every kill,
// every file the game keeps must still read cleanly. See tests/save/kill-while-saving.test.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSave } from '../../src/save/save-format.ts';
import { parseProfile } from '../../src/save/profile.ts';
import { random } from './fuzz-core.js';

const INPUT = '1\nundo\n'.repeat(5000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startGame(root, home, pauseMs) {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/pusher.js'), 'play', join(root, 'tests/fixtures/tiny.pusher'), '--seed', '3'],
    {
      cwd: root,
      env: {
        ...process.env,
        PUSHER_HOME: home,
        PUSHER_NO_FATE_WARMUP: '1',
        PUSHER_TEST_PAUSE_BEFORE_RENAME: String(pauseMs),
      },
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  child.stdin.on('error', () => undefined);
  child.stdin.write(INPUT);
  return child;
}

const kill = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** Every file the game keeps, as a list of what cannot be read. */
function unreadable(home) {
  const wrong = [];
  const data = join(home, 'data');
  const saves = join(data, 'saves', 'tiny');
  for (const file of existsSync(saves)
    ? readdirSync(saves).filter((f) => f.endsWith('.json') && !f.startsWith('.tmp-'))
    : []) {
    const text = readFileSync(join(saves, file), 'utf8');
    if (!parseSave(text).ok) wrong.push(`${file}: ${text.slice(0, 200)}`);
  }
  const profile = join(data, 'profile.json');
  if (existsSync(profile) && !parseProfile(readFileSync(profile, 'utf8')).ok) wrong.push('profile.json');
  return wrong;
}

/** Kills the game `count` times; returns { kills, placed, autosaves, failures }. */
export async function killWhileSaving({ root, count, seed = 1, onProgress = null }) {
  const home = mkdtempSync(join(tmpdir(), 'pusher-kill-'));
  const folder = join(home, 'data', 'saves', 'tiny');
  const rng = random(seed);
  const failures = [];
  let placed = 0;
  let autosaves = 0;
  try {
    for (let i = 0; i < count; i++) {
      const aimed = i % 4 === 3;
      const child = startGame(root, home, aimed ? 300 : 0);
      if (aimed) {
        // Wait for the autosave's temporary file: the writer now sits before the rename.
        const until = Date.now() + 15_000;
        while (
          Date.now() < until &&
          !(existsSync(folder) && readdirSync(folder).some((f) => f.startsWith('.tmp-autosave.json.')))
        )
          await sleep(3);
        if (Date.now() < until) placed++;
      } else {
        await sleep(250 + rng.int(600));
      }
      await kill(child);
      const wrong = unreadable(home);
      if (wrong.length) failures.push({ kill: i, aimed, wrong });
      if (existsSync(join(folder, 'autosave.json'))) autosaves++;
      if (onProgress && (i + 1) % 50 === 0) onProgress({ kills: i + 1, placed, failures: failures.length });
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return { kills: count, placed, autosaves, failures };
}
