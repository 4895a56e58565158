import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The real binary, run from a copy of bin/ and dist/ taken before the tests start (the bundle
// is self-contained), so a rebuild of dist/ while the suite runs cannot pull it away mid-test.
let BIN = join(ROOT, 'bin/pusher.js');
const TINY = join(ROOT, 'tests/fixtures/tiny.pusher');
const COIN = join(ROOT, 'tests/fixtures/coin.pusher');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function pusher(args: string[], input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1', PUSHER_DEBUG: '' },
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    toString: () => `exit ${result.status}\n${result.stderr}`,
  };
}

const NO_STACK = /^\s{4}at /m;
let dir = '';
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/pusher.cjs')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'pusher-cli-'));
  const app = join(dir, 'app');
  cpSync(join(ROOT, 'bin'), join(app, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  BIN = join(app, 'bin/pusher.js');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('pusher play (plain)', () => {
  it('plays scripted choices to an ending and exits 0', () => {
    // choice 4 is "Hide under the bed until it is dark. [12h]": it runs past the 20:00 timeout
    const run = pusher(['play', TINY, '--plain', '--seed', '42', '--choices', '4']);
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout).toContain('A Tiny Debt');
    expect(run.stdout).toContain('Seed 42 (play this run again with --seed 42)');
    expect(run.stdout).toContain('1) Count the jar. (5 m)');
    // the real cost: hiding runs into the noon deadline, and the player is told
    expect(run.stdout).toContain('4) Hide under the bed until it is dark. (12 h, past the deadline)');
    expect(run.stdout).toMatch(/^> 4$/m);
    expect(run.stdout).toMatch(/^THE END — Night Falls$/m);
    expect(run.stderr).toBe('');
  });

  it('shows what a choice really costs: the range chance allows, not the written [2h-4h]', () => {
    // Working the corner spends 2h, then the quiet corner waits 1h and the busy one 2h.
    const example = join(ROOT, 'docs/examples/personas.pusher');
    const run = pusher(['play', example, '--plain', '--seed', '1', '--choices', '2']);
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout).toContain('1) Work the corner. (3 h\u20134 h)');
    expect(run.stdout).toContain('3) Go to Milo now. (30 m)');
  });

  it('the default command is play, and plays plain when input is not a terminal', () => {
    const run = pusher([TINY, '--seed', '1', '--choices', '4']);
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout).toMatch(/^THE END — Night Falls$/m);
  });

  it('reads choices from input, one number per line', () => {
    const run = pusher(['play', TINY, '--plain', '--seed', '3'], '2\n1\n3\n');
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout).toContain('She listens. She sends a little.');
    expect(run.stdout).toMatch(/^THE END — Night Falls$/m);
  });

  it('exits 0 at the end of input, before an ending', () => {
    const run = pusher(['play', TINY, '--plain', '--seed', '1'], '1\n');
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout).not.toContain('THE END');
    expect(run.stdout).toContain('Two hundred, give or take.');
    expect(run.stderr).toBe('');
  });

  it('asks again after input that is not an open choice number', () => {
    const run = pusher(['play', TINY, '--plain', '--seed', '1'], 'seven\n9\n0\n4\n');
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout.match(/^(> )?Pick a number from 1 to 4\.$/gm)).toHaveLength(3);
    expect(run.stdout).toMatch(/^THE END — Night Falls$/m);
  });

  it('replays a run exactly with the same --seed and choices, chance included', () => {
    const tosses = Array.from({ length: 12 }, () => '1').join(',');
    const first = pusher(['play', COIN, '--plain', '--seed', '12345', '--choices', tosses]);
    const second = pusher(['play', COIN, '--plain', '--seed', '12345', '--choices', tosses]);
    expect(first.code, String(first)).toBe(0);
    expect(first.stdout).toMatch(/^THE END — Closing Time$/m);
    expect(first.stdout).toMatch(/Heads\.|Tails\./);
    expect(second.stdout).toBe(first.stdout);
    const outcomes = new Set(
      ['1', '2', '3', '4', '5'].map((seed) =>
        pusher(['play', COIN, '--plain', '--seed', seed, '--choices', tosses]).stdout.replace(
          /Seed \d+|--seed \d+/g,
          '',
        ),
      ),
    );
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('prints a seed when none is given, and that seed replays the run', () => {
    const tosses = '1,1,1,1,1,1,1,1,1,1,1,1';
    const run = pusher(['play', COIN, '--plain', '--choices', tosses]);
    expect(run.code, String(run)).toBe(0);
    const match = /^Seed (\d+) \(play this run again with --seed (\d+)\)$/m.exec(run.stdout);
    expect(match).not.toBeNull();
    expect(match![1]).toBe(match![2]);
    const again = pusher(['play', COIN, '--plain', '--seed', match![1]!, '--choices', tosses]);
    expect(again.stdout).toBe(run.stdout);
  });

  it("rejects bad flags with commander's usage error and exit 2", () => {
    const badSeed = pusher(['play', TINY, '--plain', '--seed', 'abc']);
    expect(badSeed.code, String(badSeed)).toBe(2);
    expect(badSeed.stderr).toContain("error: option '--seed <n>' argument 'abc' is invalid.");
    expect(badSeed.stderr).not.toMatch(NO_STACK);
    const unknown = pusher(['play', TINY, '--plain', '--bogus']);
    expect(unknown.code, String(unknown)).toBe(2);
    expect(unknown.stderr).toContain("error: unknown option '--bogus'");
    expect(unknown.stderr).toContain('pusher --help');
    const badChoices = pusher(['play', TINY, '--plain', '--choices', '1,x']);
    expect(badChoices.code, String(badChoices)).toBe(2);
    expect(badChoices.stderr).toContain("argument '1,x' is invalid");
  });

  it('reports a broken story with file:line:col and a caret, exit 2, no stack trace', () => {
    const source = [
      '@start a',
      '@clock Mon 08:00',
      '@timeout Mon 20:00 -> over',
      '@var debt = 1 in 0..10',
      '@time deadline = Mon 12:00',
      '@meter money debt',
      '@meter time deadline',
      '=== a',
      '* Drive out. [1h] -> hase_garage',
      '* Walk. [1h] -> hasse_garage',
      '=== hasse_garage',
      '-> over',
      '=== ending over "Over"',
      '',
    ].join('\n');
    const path = file('broken.pusher', source);
    const col = source.split('\n')[8]!.indexOf('hase_garage') + 1;
    const run = pusher(['play', path, '--plain', '--seed', '1']);
    expect(run.code, String(run)).toBe(2);
    expect(run.stderr).toContain(`${path}:9:${col}: unknown scene 'hase_garage' (did you mean 'hasse_garage'?)`);
    const lines = run.stderr.split('\n');
    const shown = lines.findIndex((line) => line.includes('| * Drive out.'));
    expect(shown).toBeGreaterThan(-1);
    expect(lines[shown + 1]!.indexOf('^')).toBe(lines[shown]!.indexOf('hase_garage'));
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.stdout).toBe('');
  });

  it('reports a missing story file with exit 2 and no stack trace', () => {
    const run = pusher(['play', join(dir, 'nope.pusher'), '--plain']);
    expect(run.code, String(run)).toBe(2);
    expect(run.stderr).toContain('nope.pusher');
    expect(run.stderr).not.toMatch(NO_STACK);
  });
});

describe('pusher check', () => {
  it('exits 0 and says proved for a good story', () => {
    const run = pusher(['check', TINY]);
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout).toContain('proved');
    expect(run.stdout).toContain('3 of 3 endings reachable');
  });

  it('exits 2 with positioned problems for a broken story', () => {
    const path = file(
      'broken-check.pusher',
      [
        '@start a',
        '@clock Mon 08:00',
        '@timeout Mon 20:00 -> over',
        '@var debt = 1 in 0..10',
        '@time deadline = Mon 12:00',
        '@meter money debt',
        '@meter time deadline',
        '=== a',
        '* Free. [0m] -> over',
        '=== ending over "Over"',
        '',
      ].join('\n'),
    );
    const run = pusher(['check', path]);
    expect(run.code, String(run)).toBe(2);
    expect(run.stderr).toContain(`${path}:9:10: every choice must cost time`);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('exits 2 for a story that parses but has a dead end', () => {
    const path = file(
      'dead-end.pusher',
      [
        '@start a',
        '@clock Mon 08:00',
        '@timeout Mon 20:00 -> over',
        '@var debt = 1 in 0..10',
        '@time deadline = Mon 12:00',
        '@meter money debt',
        '@meter time deadline',
        '=== a',
        '* Pay. [1h] -> over',
        '  locked unless debt > 5: Not enough.',
        '=== ending over "Over"',
        '',
      ].join('\n'),
    );
    const run = pusher(['check', path]);
    expect(run.code, String(run)).toBe(2);
    expect(run.stderr).toContain(`${path}:8:5: dead end: no choice is open in 'a'; shortest path: (at the start)`);
  });

  it('--json prints one object of the documented shape', () => {
    const run = pusher(['check', TINY, '--json']);
    expect(run.code, String(run)).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      ok: true,
      scenes: 7,
      choices: 5,
      endings: [
        { id: 'beaten', title: 'Broken Fingers', reachable: true },
        { id: 'spared', title: 'A Warning', reachable: true },
        { id: 'out_of_time', title: 'Night Falls', reachable: true },
      ],
      problems: [],
    });
    for (const key of ['words', 'gates', 'states']) expect(Number.isInteger(report[key])).toBe(true);
  });

  it('--json on a broken story gives ok false and positioned problems, exit 2', () => {
    const path = file(
      'broken-json.pusher',
      [
        '@start a',
        '@clock Mon 08:00',
        '@timeout Mon 20:00 -> over',
        '@var debt = 1 in 0..10',
        '@time deadline = Mon 12:00',
        '@meter money debt',
        '@meter time deadline',
        '=== a',
        '* Free. [0m] -> over',
        '~ nope = 1',
        '=== ending over "Over"',
        '',
      ].join('\n'),
    );
    const run = pusher(['check', path, '--json']);
    expect(run.code, String(run)).toBe(2);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      endings: unknown[];
      problems: Array<Record<string, unknown>>;
    };
    expect(report.ok).toBe(false);
    expect(Array.isArray(report.endings)).toBe(true);
    expect(report.problems.length).toBeGreaterThanOrEqual(1);
    for (const problem of report.problems) {
      expect(Object.keys(problem).sort()).toEqual(['col', 'file', 'line', 'message']);
      expect(problem['file']).toBe(path);
    }
    expect(report.problems[0]).toMatchObject({ line: 9, col: 10 });
  });

  it('--max-states 2 with no witness walks leaves the story unproven, exit 2', () => {
    const run = pusher(['check', TINY, '--max-states', '2', '--walks', '0']);
    expect(run.code, String(run)).toBe(2);
    expect(run.stdout).toContain('unproven');
  });

  it('--save-witnesses stores runs beside the story, and the next check replays them instead of searching', () => {
    const story = join(dir, 'witnessed.pusher');
    const witnesses = join(dir, 'witnessed.witnesses');
    cpSync(TINY, story);
    const saved = pusher(['check', story, '--max-states', '2', '--walks', '300', '--save-witnesses']);
    expect(saved.code, String(saved)).toBe(0);
    expect(saved.stdout).toMatch(/proved by construction and by 300 guided runs/);
    expect(saved.stdout).toMatch(new RegExp(`saved \\d+ runs? to ${witnesses}`));
    expect(readFileSync(witnesses, 'utf8')).toMatch(/^\{"format":"pusher-witnesses","version":1,/);

    const replayed = pusher(['check', story, '--max-states', '2', '--json']);
    expect(replayed.code, String(replayed)).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({ ok: true, method: 'witnesses', states: 0, walks: 0, stale: 0 });
    expect(pusher(['check', story, '--max-states', '2']).stdout).toMatch(
      /replaying \d+ stored runs? \(.*witnessed\.witnesses\)/,
    );

    const fresh = JSON.parse(
      pusher(['check', story, '--max-states', '2', '--walks', '300', '--no-witnesses', '--json']).stdout,
    ) as { walks: number; replayed: number };
    expect(fresh).toMatchObject({ walks: 300, replayed: 0 });

    // proving from scratch and saving: the file is rewritten from the new proof
    writeFileSync(witnesses, 'not a witness file');
    const resaved = pusher([
      'check',
      story,
      '--max-states',
      '2',
      '--walks',
      '300',
      '--no-witnesses',
      '--save-witnesses',
    ]);
    expect(resaved.code, String(resaved)).toBe(0);
    expect(resaved.stderr).not.toContain('ignored');
    expect(resaved.stdout).toMatch(new RegExp(`saved \\d+ runs? to ${witnesses}`));
    expect(readFileSync(witnesses, 'utf8')).toMatch(/^\{"format":"pusher-witnesses"/);
  });

  it('a corrupt witness file is named, left alone, and the story is proved without it', () => {
    const story = join(dir, 'corrupt.pusher');
    const witnesses = file('corrupt.witnesses', '{"format":"pusher-witnesses","version":1,"runs":[[1,[],7]]}');
    cpSync(TINY, story);
    const run = pusher(['check', story, '--max-states', '2', '--walks', '300']);
    expect(run.code, String(run)).toBe(0);
    expect(run.stderr).toContain(`${witnesses}: ignored, run 1 is malformed; proving without it`);
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.stdout).toContain('to replay these runs next time instead of searching: pusher check --save-witnesses');
    expect(readFileSync(witnesses, 'utf8')).toBe('{"format":"pusher-witnesses","version":1,"runs":[[1,[],7]]}');
  });

  it('--random N --seed S is deterministic', () => {
    const first = pusher(['check', TINY, '--random', '200', '--seed', '9']);
    const second = pusher(['check', TINY, '--random', '200', '--seed', '9']);
    expect(first.code, String(first)).toBe(0);
    expect(first.stdout).toContain('200 random runs, seed 9');
    expect(second.stdout).toBe(first.stdout);
    const json = pusher(['check', COIN, '--random', '100', '--seed', '4', '--json']);
    const again = pusher(['check', COIN, '--random', '100', '--seed', '4', '--json']);
    expect(json.stdout).toBe(again.stdout);
    const report = JSON.parse(json.stdout) as { runs: number; endings: Array<{ runs: number }>; stuck: number };
    expect(report.runs).toBe(100);
    expect(report.endings.reduce((sum, e) => sum + e.runs, 0) + report.stuck).toBe(100);
  });

  it('rejects a bad --random value with exit 2', () => {
    const run = pusher(['check', TINY, '--random', 'lots']);
    expect(run.code, String(run)).toBe(2);
    expect(run.stderr).toContain("error: option '--random <n>' argument 'lots' is invalid.");
  });
});

describe('pusher --help and --version', () => {
  it('--help exits 0 and lists the commands', () => {
    const run = pusher(['--help']);
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout).toContain('Usage: pusher');
    expect(run.stdout).toContain('check');
    expect(run.stdout).toContain('play');
  });

  it('--version exits 0 and prints the package version', () => {
    const run = pusher(['--version']);
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  });

  it('check --help exits 0', () => {
    const run = pusher(['check', '--help']);
    expect(run.code, String(run)).toBe(0);
    expect(run.stdout).toContain('--max-states');
  });
});

describe('start-up', () => {
  // bin/pusher.js and dist/pusher.cjs are CommonJS: an ES module anywhere on the way would
  // make Node start its ESM loader first, 10 to 20 ms of every start (docs/performance.md).
  it("runs the commands without starting Node's ES module loader", () => {
    // Node loads a module job for every ES module it runs, and for nothing else
    const probe = file(
      'esm-probe.cjs',
      "process.on('exit', () => process.stderr.write(`esm modules: ${process.moduleLoadList.includes('NativeModule internal/modules/esm/module_job')}\\n`));",
    );
    // check on coin: it has no warnings, so standard error holds only the probe's line
    for (const args of [['--version'], ['play', TINY, '--plain', '--seed', '42', '--choices', '4'], ['check', COIN]]) {
      const run = spawnSync(process.execPath, ['--require', probe, BIN, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('esm modules: false\n');
    }
  });

  it('says the build is incomplete, without a stack trace, when the commands script is missing or damaged', () => {
    const app = join(dir, 'partial');
    cpSync(join(dir, 'app'), app, { recursive: true });
    const bin = join(app, 'bin/pusher.js');
    for (const damage of [
      () => rmSync(join(app, 'dist/commands.cjs')),
      () => writeFileSync(join(app, 'dist/commands.cjs'), 'this is not a script ('),
    ]) {
      damage();
      const run = spawnSync(process.execPath, [bin, '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^pusher: the build is incomplete or damaged \(.+\); run `npm run build`/);
      expect(run.stderr).not.toMatch(NO_STACK);
    }
  });

  it('loads child_process and readline only when a command uses them', () => {
    const probe = file(
      'builtins-probe.cjs',
      "process.on('exit', () => process.stderr.write(`loaded: ${process.moduleLoadList.filter((m) => /^NativeModule (child_process|readline)$/.test(m)).map((m) => m.slice(13)).join(' ')}\\n`));",
    );
    const loaded = (args: string[]) =>
      spawnSync(process.execPath, ['--require', probe, BIN, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, NO_COLOR: '1' },
      }).stderr;
    expect(loaded(['--version'])).toBe('loaded: \n');
    expect(loaded(['check', COIN])).toBe('loaded: \n'); // coin: no warnings on standard error
    // the plain player reads its input with readline
    expect(loaded(['play', TINY, '--plain', '--seed', '42', '--choices', '4'])).toBe('loaded: readline\n');
  });
});
