// End to end, plain mode: the real binary with its own PUSHER_HOME. Autosave and
// --continue, save NAME and --load, undo and branches typed at the prompt, the `saves` and
// `endings` commands, and piped play that never depends on old data.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TINY = 'tests/fixtures/tiny.pusher';

function pusher(home: string, args: string[], input = '') {
  if (!existsSync('dist/pusher.cjs')) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  const result = spawnSync(process.execPath, ['bin/pusher.js', ...args], {
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, PUSHER_HOME: home, PUSHER_NO_FATE_WARMUP: '1', NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const newHome = () => mkdtempSync(join(tmpdir(), 'pusher-cli-saves-'));

describe('plain mode: saves, continue, undo, branches', () => {
  it('autosaves; piped play starts fresh unless --continue; --continue picks up the run', () => {
    const home = newHome();
    const first = pusher(home, ['play', TINY, '--seed', '4'], '1\n2\n');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('She listens.');
    // Without --continue, a piped game is a new one: same seed, same first screen, no mention of the old run.
    const again = pusher(home, ['play', TINY, '--seed', '4'], '');
    expect(again.stdout).not.toContain('Continuing');
    expect(again.stdout).toContain('It is Mon 08:00.');
    // The empty game above wrote nothing, so the unfinished run is still there.
    const resumed = pusher(home, ['play', TINY, '--continue'], '1\n');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('Seed 4 (play this run again with --seed 4)');
    expect(resumed.stdout).toContain('Continuing the last run: 2 choices in.');
    expect(resumed.stdout).toContain('1) Go back to the kitchen. (15 m)');
    expect(resumed.stdout).toContain('It is Mon 08:50.');
  });

  it('save NAME at the prompt, then --load NAME; undo as many times as asked', () => {
    const home = newHome();
    const saved = pusher(home, ['play', TINY, '--seed', '9'], '1\nsave before-mother\n2\nsave ../escape\n');
    expect(saved.stdout).toContain("Saved as 'before-mother'.");
    expect(saved.stdout).toContain('Not saved: a save name uses only letters');
    expect(existsSync(join(home, 'data', 'saves', 'escape.json'))).toBe(false);
    const loaded = pusher(home, ['play', TINY, '--load', 'before-mother'], 'undo\nundo\nundo\n');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain("Continuing 'before-mother': 1 choice in.");
    expect(loaded.stdout).toContain('It is Mon 08:05.');
    expect(loaded.stdout).toContain('↶ Undone: Count the jar.');
    expect(loaded.stdout.match(/Nothing to undo: this is the start of the run\./g)).toHaveLength(2);
    const missing = pusher(home, ['play', TINY, '--load', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--load: Cannot load 'nope': there is no such save.");
    const attack = pusher(home, ['play', TINY, '--load', '/etc/passwd']);
    expect(attack.code).toBe(2);
  });

  it('branches lists the decisions; branch N L takes another option there', () => {
    const home = newHome();
    const run = pusher(home, ['play', TINY, '--seed', '2'], '1\n1\nbranches\nbranch 1 a\nbranch 9 z\n');
    expect(run.stdout).toContain('1. Mon 08:00  kitchen: took "Count the jar."');
    expect(run.stdout).toContain('2. Mon 08:05  kitchen: took "Count the jar."');
    expect(run.stdout).toContain('     a) Call your mother. [30m]');
    expect(run.stdout).toContain('↪ Back to Mon 08:00: Call your mother.');
    expect(run.stdout).toContain('She listens.');
    expect(run.stdout).toContain('There is no option z at decision 9');
  });

  it('--continue with nothing to continue, and conflicting flags, are bad input', () => {
    const home = newHome();
    expect(pusher(home, ['play', TINY, '--continue']).stderr).toContain('there is no unfinished run to continue');
    expect(pusher(home, ['play', TINY, '--continue', '--new']).code).toBe(2);
    expect(pusher(home, ['play', TINY, '--continue', '--seed', '3']).code).toBe(2);
  });

  it('saves [--json] lists every slot, unreadable ones included; endings [--json] shows the gallery', () => {
    const home = newHome();
    pusher(home, ['play', TINY, '--seed', '1'], '1\nsave one\n4\n');
    writeFileSync(join(home, 'data', 'saves', 'tiny', 'broken.json'), '{"form');
    const list = pusher(home, ['saves', TINY]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/autosave: ended at out_of_time, 2 choices, seed 1/);
    expect(list.stdout).toContain('broken: unreadable: it is not valid JSON');
    expect(list.stdout).toMatch(/one: Mon 08:05 in kitchen, 1 choice, seed 1/);
    const json = JSON.parse(pusher(home, ['saves', TINY, '--json']).stdout);
    expect(json.saves.map((s: { name: string; ok: boolean }) => [s.name, s.ok])).toEqual([
      ['autosave', true],
      ['broken', false],
      ['one', true],
    ]);
    const endings = pusher(home, ['endings', TINY]);
    expect(endings.stdout).toMatch(/Night Falls \(first found \d{4}-\d\d-\d\d\)/);
    expect(endings.stdout).toContain('found 1 of 3 endings, taken 40% of choices');
    const report = JSON.parse(pusher(home, ['endings', TINY, '--json']).stdout);
    expect(report).toMatchObject({ found: 1, total: 3, percent: 40 });
    expect(report.endings.filter((e: { title: string | null }) => e.title === null)).toHaveLength(2);
  });

  it('an autosave that cannot be loaded: --continue says why; a new game keeps it under another name', () => {
    const home = newHome();
    pusher(home, ['play', TINY, '--seed', '4'], '1\n');
    const autosave = join(home, 'data', 'saves', 'tiny', 'autosave.json');
    const newer = JSON.stringify({ ...JSON.parse(readFileSync(autosave, 'utf8')), version: 2 });
    writeFileSync(autosave, newer);
    const resumed = pusher(home, ['play', TINY, '--continue']);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(
      'pusher: --continue: the autosave cannot be loaded: it is a save of version 2, and this game reads version 1. It is left as it is.',
    );
    const fresh = pusher(home, ['play', TINY, '--seed', '4'], '1\n');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('The autosave cannot be loaded: it is a save of version 2');
    expect(fresh.stdout).toMatch(/The old autosave \(.*\) was kept as 'autosave-unreadable-\d{8}-\d{6}'\./);
    const list = JSON.parse(pusher(home, ['saves', TINY, '--json']).stdout).saves as Array<{
      name: string;
      ok: boolean;
    }>;
    expect(list.map((slot) => [slot.name.replace(/\d+-\d+$/, 'TIME'), slot.ok])).toEqual([
      ['autosave', true],
      ['autosave-unreadable-TIME', false],
    ]);
  });

  it('a corrupt profile is moved aside with a message, and play goes on', () => {
    const home = newHome();
    pusher(home, ['play', TINY, '--seed', '1'], '1\n');
    writeFileSync(join(home, 'data', 'profile.json'), 'garbage');
    const run = pusher(home, ['play', TINY, '--seed', '1'], '1\n');
    expect(run.stdout).toMatch(
      /Your profile could not be read \(it is not valid JSON\)\. It was kept as .*profile\.json\.corrupt-/,
    );
    expect(JSON.parse(readFileSync(join(home, 'data', 'profile.json'), 'utf8')).stories.tiny.choices).toEqual([
      'count',
    ]);
  });
});
