// Twelve games started together on one data folder, each reaching a different ending, must
// leave all twelve endings in the profile, every time: every profile update is a
// read-merge-write under a lock, so no game's write can replace another's.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const GAMES = 12;

function twelveEndings(): string {
  const lines = [
    '@id twelve',
    '@title "Twelve Doors"',
    '@start hall',
    '@clock Mon 08:00',
    '@timeout Sun 23:00 -> end_1',
    '@var debt = 0 in 0..10',
    '@time deadline = Sun 20:00',
    '',
    '=== hall',
    'Twelve doors.',
  ];
  for (let i = 1; i <= GAMES; i++) lines.push(`* Door ${i}. [5m] -> end_${i}`);
  for (let i = 1; i <= GAMES; i++) lines.push('', `=== ending end_${i} "Door ${i}"`, `Behind door ${i}.`);
  return `${lines.join('\n')}\n`;
}

function play(home: string, story: string, choice: number): Promise<number | null> {
  const child = spawn(process.execPath, ['bin/pusher.js', 'play', story, '--plain', '--choices', String(choice)], {
    env: { ...process.env, PUSHER_HOME: home, PUSHER_NO_FATE_WARMUP: '1', NO_COLOR: '1' },
    // piped, not a terminal: the game must never stop to ask anything
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child.stdin.end();
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('games ending at the same time on one data folder', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it(`keeps all ${GAMES} endings of ${GAMES} games started together, round after round`, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pusher-concurrent-'));
    const story = join(folder, 'twelve.pusher');
    writeFileSync(story, twelveEndings());
    for (let round = 0; round < 3; round++) {
      const home = mkdtempSync(join(tmpdir(), 'pusher-concurrent-home-'));
      const codes = await Promise.all(Array.from({ length: GAMES }, (_, i) => play(home, story, i + 1)));
      expect(codes).toEqual(Array(GAMES).fill(0));
      const result = spawnSync(process.execPath, ['bin/pusher.js', 'endings', story, '--json'], {
        env: { ...process.env, PUSHER_HOME: home },
        encoding: 'utf8',
      });
      expect(JSON.parse(result.stdout)).toMatchObject({ found: GAMES, total: GAMES });
      // Nothing is left behind: no lock, no temporary file.
      expect(readdirSync(join(home, 'data')).sort()).toEqual(['profile.json', 'saves']);
    }
  }, 120_000);
});
