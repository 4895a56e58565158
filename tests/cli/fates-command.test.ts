import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TINY = join(ROOT, 'tests/fixtures/tiny.pusher');

let dir = '';
let home = '';
function pusher(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/pusher.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, PUSHER_HOME: home, PUSHER_NO_FATE_WARMUP: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// From a: Left (1/3) to b, Right (1/3) to Two, Toss (1/3): 25% One, 75% b.
// From b: Go to One, or Gamble 50/50. One = 25/48 by 5 routes, Two = 23/48 by 3.
const FORK = `@title "Fork"
@start a
@clock Mon 08:00
@timeout Mon 20:00 -> over
@var debt = 100 in 0..1000
@time deadline = Mon 12:00

@meter money debt
@meter time deadline
=== a
Three ways.
* Left. [1h] -> b
* Right. [1h] -> end2
* Toss a coin. [1h]
  25% -> end1
  75% -> b

=== b
Two ways.
* Go. [1h] -> end1
* Gamble. [1h]
  50% -> end1
  50% -> end2

=== ending end1 "One"
One.

=== ending end2 "Two"
Two.

=== ending over "Over"
Over.
`;

let fork = '';
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/pusher.cjs')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'pusher-fates-'));
  home = join(dir, 'home');
  fork = join(dir, 'fork.pusher');
  writeFileSync(fork, FORK);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pusher check --fates', () => {
  it('prints each ending’s exact odds and routes', () => {
    const run = pusher(['check', fork, '--fates']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      `${fork}: the odds of each fate for a player choosing at random (exact, over ${lines[0]!.match(/over (\d+) states/)![1]} states)`,
    );
    expect(lines[1]).toBe('  8 routes in all');
    expect(lines).toContain('   52.08%  One     5 (62.5%)  [end1]  = 25/48');
    expect(lines).toContain('   47.92%  Two     3 (37.5%)  [end2]  = 23/48');
    expect(lines).toContain('    0.00%  Over    0 (0%)  [over]');
  });

  it('--json gives the same as data, big numbers as strings', () => {
    const run = pusher(['check', fork, '--fates', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout) as {
      kind: string;
      version: number;
      fates: { complete: boolean; routes: string; endings: Array<Record<string, unknown>> };
    };
    expect(document).toMatchObject({ kind: 'check', version: 1 });
    const data = document.fates;
    expect(data.complete).toBe(true);
    expect(data.routes).toBe('8');
    expect(data.endings.find((e) => e['id'] === 'end1')).toMatchObject({
      probability: '25/48',
      numerator: '25',
      denominator: '48',
      routes: '5',
      routeShare: 62.5,
    });
  });

  it('with --random and --json, one object holds both reports', () => {
    const run = pusher(['check', fork, '--fates', '--random', '300', '--seed', '5', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const data = JSON.parse(run.stdout) as { random: { runs: number }; fates: { routes: string } };
    expect(data.random.runs).toBe(300);
    expect(data.fates.routes).toBe('8');
  });

  it('says so, exit 2, when the story is too big to count', () => {
    const run = pusher(['check', fork, '--fates', '--max-states', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unproven');
    const json = pusher(['check', fork, '--fates', '--max-states', '2', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'check', fates: { complete: false } });
  });

  it('stores the shares, and the plain player’s ending screen then shows the line', () => {
    rmSync(home, { recursive: true, force: true });
    const before = pusher(['play', fork, '--plain', '--seed', '1', '--choices', '2']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain('THE END — Two');
    expect(before.stdout).not.toContain('of the ways');

    expect(pusher(['check', fork, '--fates']).code).toBe(0);
    expect(readdirSync(join(home, 'cache', 'fates'))).toHaveLength(1);
    const after = pusher(['play', fork, '--plain', '--seed', '1', '--choices', '2']);
    const lines = after.stdout.split('\n');
    expect(lines[lines.indexOf('THE END — Two') + 1]).toBe('38% of the ways this week can go end here');
  });

  it('the game computes the shares in the background at first need', async () => {
    rmSync(home, { recursive: true, force: true });
    const first = pusher(['play', fork, '--plain', '--seed', '1', '--choices', '2'], { PUSHER_NO_FATE_WARMUP: '' });
    expect(first.stdout).not.toContain('of the ways');
    let line: string | undefined;
    for (let attempt = 0; attempt < 100 && !line; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = pusher(['play', fork, '--plain', '--seed', '1', '--choices', '2']);
      line = again.stdout.split('\n').find((text) => text.includes('of the ways'));
    }
    expect(line).toBe('38% of the ways this week can go end here');
  });

  it('--save-fates writes the numbers beside the story, and a fresh player reads them there', () => {
    rmSync(home, { recursive: true, force: true });
    const saved = pusher(['check', fork, '--save-fates']);
    expect(saved.code, saved.stderr).toBe(0);
    const beside = fork.replace(/\.pusher$/, '.fates');
    expect(JSON.parse(readFileSync(beside, 'utf8'))).toMatchObject({ kind: 'exact', routes: { end2: '3' } });
    // No cache at all: the line comes from the file beside the story.
    const exact = pusher(['play', fork, '--plain', '--seed', '1', '--choices', '2']);
    expect(exact.stdout).toContain('THE END — Two\n38% of the ways this week can go end here\n');
    expect(existsSync(join(home, 'cache', 'fates'))).toBe(false);

    expect(pusher(['check', fork, '--save-fates', '--random', '400']).code).toBe(0);
    const sample = JSON.parse(readFileSync(beside, 'utf8')) as { kind: string; runs: number; shares: { end2: number } };
    expect(sample).toMatchObject({ kind: 'sampled', runs: 400 });
    const sampled = pusher(['play', fork, '--plain', '--seed', '1', '--choices', '2']);
    expect(sampled.stdout).toMatch(/THE END — Two\nabout \d+% of random weeks end here, ± [\d.]+%\n/);
    rmSync(beside);
  });

  it('--approximate gives doubles within an error bound, and says so', () => {
    const json = (
      JSON.parse(pusher(['check', fork, '--fates', '--approximate', '--json']).stdout) as {
        fates: {
          exact: boolean;
          errorBound: number;
          routes: string;
          endings: Array<{ probability: string | null; percent: number }>;
        };
      }
    ).fates;
    expect(json).toMatchObject({ exact: false, routes: '8' });
    expect(json.errorBound).toBeGreaterThan(0);
    expect(json.endings[0]!.probability).toBeNull();
    expect(Math.abs(json.endings[0]!.percent - (25 / 48) * 100)).toBeLessThanOrEqual(json.errorBound);
  });

  it('the shipped tiny example: a share line for every ending', () => {
    expect(pusher(['check', TINY, '--fates']).code).toBe(0);
    const run = pusher(['play', TINY, '--plain', '--seed', '3', '--choices', '4']);
    expect(run.stdout).toContain('THE END — Night Falls\n81% of the ways this week can go end here\n');
  });
});
