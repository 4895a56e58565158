// The background fate count has hard limits and leaves no marker behind, whatever happens
// to it: done, stopped at its wall-clock or CPU limit, or ended by a signal. A marker left
// by a count killed outright (SIGKILL) is removed by the next game that looks.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearStaleMarker, claimMarker, markerIsLive } from '../../src/save/fate-marker.js';

const newHome = () => mkdtempSync(join(tmpdir(), 'pusher-warm-'));
const fates = (home: string) => join(home, 'cache', 'fates');
const files = (home: string) => (existsSync(fates(home)) ? readdirSync(fates(home)).sort() : []);

/** The shipped story with no state limit: far more than a few seconds of counting. */
const ENDLESS = ['warm-fates', '--max-states', '1000000000', '--verbose'];

function warm(home: string, args: string[]) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['bin/pusher.js', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PUSHER_HOME: home },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

describe('the background fate count', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it('stops at its wall-clock limit, records the story as too big, and leaves no marker', () => {
    const home = newHome();
    const run = warm(home, [...ENDLESS, '--max-seconds', '2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("the count of 'pusher' passed its time limit: stored as too big to count");
    const left = files(home);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/\.json$/);
    expect(JSON.parse(readFileSync(join(fates(home), left[0]!), 'utf8'))).toMatchObject({ complete: false });
  }, 70_000);

  it('stops at its CPU-time limit', () => {
    const home = newHome();
    const run = warm(home, [...ENDLESS, '--max-cpu-seconds', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('passed its CPU time limit');
    expect(files(home).filter((file) => file.endsWith('.pending'))).toEqual([]);
  }, 70_000);

  it('terminates on a story whose events spend time for ever (or refuses it), leaving no marker', () => {
    const home = newHome();
    const story = join(home, 'dawn.pusher');
    const tiny = readFileSync('tests/fixtures/tiny.pusher', 'utf8');
    // A week long enough for dawn, whose event spends a day: each dawn brings the next.
    const looping = tiny
      .replace('  ~ debt += debt / 10', '  ~ debt += debt / 10\n  ~ wait 24h')
      .replace('@timeout  Mon 20:00', '@timeout  Sun 20:00')
      .replace('@time  deadline = Mon 12:00', '@time  deadline = Sun 12:00');
    expect(looping).toContain('@timeout  Sun 20:00');
    writeFileSync(story, looping);
    const run = warm(home, ['warm-fates', story, '--verbose', '--max-seconds', '3', '--max-cpu-seconds', '3']);
    // Refused by the parser (exit 2), or counted until a limit stopped it.
    if (run.code !== 2) expect(run.stdout).toMatch(/passed its (CPU )?time limit/);
    expect(files(home).filter((file) => file.endsWith('.pending'))).toEqual([]);
  }, 70_000);

  it('removes its marker when ended by SIGTERM, SIGINT or SIGHUP', async () => {
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      const home = newHome();
      const child = spawn(process.execPath, ['bin/pusher.js', ...ENDLESS], {
        env: { ...process.env, PUSHER_HOME: home },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const until = Date.now() + 30_000;
      while (!files(home).some((file) => file.endsWith('.pending')) && Date.now() < until) await sleep(20);
      expect(
        files(home).some((file) => file.endsWith('.pending')),
        'the count made its marker',
      ).toBe(true);
      child.kill(signal);
      expect(await exited).toBeGreaterThan(128);
      expect(files(home), signal).toEqual([]);
    }
  }, 120_000);

  it('a second count of the same story, while one runs, leaves at once', async () => {
    const home = newHome();
    const first = spawn(process.execPath, ['bin/pusher.js', ...ENDLESS], {
      env: { ...process.env, PUSHER_HOME: home },
      stdio: 'ignore',
    });
    const until = Date.now() + 30_000;
    while (!files(home).some((file) => file.endsWith('.pending')) && Date.now() < until) await sleep(20);
    const second = warm(home, ENDLESS);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("a count of 'pusher' is already running");
    first.kill('SIGTERM');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(files(home)).toEqual([]);
  }, 120_000);
});

describe('the count marker', () => {
  it('is live while its owner runs, stale once it is gone, and a stale one is removed', () => {
    const dir = newHome();
    const marker = join(dir, 'x.json.pending');
    expect(claimMarker(marker)).toBe(true);
    expect(markerIsLive(marker)).toBe(true);
    expect(claimMarker(marker)).toBe(false);
    // What a count killed with SIGKILL leaves: its pid, no longer running.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(marker, `${gone.stdout.trim()} ${hostname()}\n`);
    expect(markerIsLive(marker)).toBe(false);
    expect(clearStaleMarker(marker)).toBe(false);
    expect(existsSync(marker)).toBe(false);
    // A marker from an older game (a pid only) whose game has ended is stale too.
    writeFileSync(marker, `${gone.stdout.trim()}`);
    expect(claimMarker(marker)).toBe(true);
  });
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
