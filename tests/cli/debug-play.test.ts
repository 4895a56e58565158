import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAssignments } from '../../src/cli/parse-assignments.js';
import { UserError } from '../../src/cli/exit-codes.js';
import { storyOf } from '../story/helpers.js';
import { readFileSync } from 'node:fs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TINY = join(ROOT, 'tests/fixtures/tiny.pusher');

function play(args: string[], input = '') {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/pusher.js'), 'play', TINY, '--plain', '--seed', '1', ...args],
    {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      timeout: 20_000,
      env: {
        ...process.env,
        PUSHER_NO_FATE_WARMUP: '1',
        PUSHER_HOME: join(ROOT, 'node_modules/.cache/pusher-test-home'),
      },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n') };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/pusher.cjs')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does)');
});

describe('pusher play --from --set --debug (end to end)', () => {
  it('--debug shows every variable and flag beside each scene, and follows changes', () => {
    const run = play(['--debug', '--choices', '2,1']);
    expect(run.code, run.stderr).toBe(0);
    const debug = run.lines.filter((line) => line.startsWith('[debug]'));
    expect(debug[0]).toBe(
      '[debug] scene=kitchen clock=Mon 08:00 day=1 debt=1,000 deadline=Mon 12:00 cash=200 nerve=1 called_mother=no',
    );
    expect(debug[1]).toBe(
      '[debug] scene=mother clock=Mon 08:30 day=1 debt=1,000 deadline=Mon 12:00 cash=500 nerve=1 called_mother=yes',
    );
    expect(debug[2]).toBe(
      '[debug] scene=kitchen clock=Mon 08:45 day=1 debt=1,000 deadline=Mon 12:00 cash=500 nerve=1 called_mother=yes',
    );
  });

  it('--from starts in any scene and --set in any state', () => {
    const run = play([
      '--from',
      'mother',
      '--set',
      'nerve=0',
      '--set',
      'cash=7',
      '--set',
      'called_mother=true',
      '--debug',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('She hangs up.');
    expect(run.stdout).not.toContain('She listens.');
    expect(run.lines).toContain(
      '[debug] scene=mother clock=Mon 08:00 day=1 debt=1,000 deadline=Mon 12:00 cash=7 nerve=0 called_mother=yes',
    );
    expect(run.lines).toContain('1) Go back to the kitchen. (15 m)');
  });

  it('--set takes a week time for a time variable, and its events follow it', () => {
    const later = play(['--set', 'deadline=Mon 18:00', '--debug']);
    expect(later.lines).toContain(
      '[debug] scene=kitchen clock=Mon 08:00 day=1 debt=1,000 deadline=Mon 18:00 cash=200 nerve=1 called_mother=no',
    );
    // A deadline already past fires at once: the collector comes before the first choice.
    const past = play(['--set', 'deadline=Mon 07:00']);
    expect(past.stdout).toContain('The door opens before you reach it.');
    expect(past.stdout).toMatch(/THE END — (Broken Fingers|A Warning)/);
  });

  it('--debug prints every scene passed through, jumps and endings included, with the clock and the day', () => {
    // Counting the jar jumps through kitchen_counted back to the kitchen; --set clock starts at 11:58,
    // so the deadline event sends the next choice on to the collector and an ending.
    const run = play(['--debug', '--set', 'clock=Mon 11:50', '--choices', '1,1']);
    expect(run.code, run.stderr).toBe(0);
    const debug = run.lines.filter((line) => line.startsWith('[debug]'));
    expect(debug[0]).toBe(
      '[debug] scene=kitchen clock=Mon 11:50 day=1 debt=1,000 deadline=Mon 12:00 cash=200 nerve=1 called_mother=no',
    );
    expect(debug[1]).toBe(
      '[debug] entered scene=kitchen_counted clock=Mon 11:55 day=1 debt=1,000 deadline=Mon 12:00 cash=200 nerve=1 called_mother=no',
    );
    expect(debug[2]).toMatch(/^\[debug\] scene=kitchen clock=Mon 11:55 day=1 /);
    expect(debug).toContainEqual(expect.stringMatching(/^\[debug\] event -> scene=collector clock=Mon 12:00 day=1 /));
    expect(debug[debug.length - 1]).toMatch(/^\[debug\] ending scene=(beaten|spared) clock=Mon 12:00 day=1 debt=/);
  });

  it('--set clock works with --from', () => {
    const run = play(['--from', 'mother', '--set', 'clock=Mon 10:00', '--debug']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines).toContain(
      '[debug] scene=mother clock=Mon 10:00 day=1 debt=1,000 deadline=Mon 12:00 cash=500 nerve=1 called_mother=no',
    );
  });

  it('--from an ending ends at once', () => {
    const run = play(['--from', 'spared']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('THE END — A Warning');
  });

  it('refuses unknown scenes and bad assignments with exit 2 and a plain message', () => {
    const cases: Array<[string[], string]> = [
      [['--from', 'kitchn'], "pusher: --from: the story has no scene 'kitchn'"],
      [['--set', 'cash'], "pusher: --set: expected name=value, got 'cash'"],
      [['--set', 'money=5'], "pusher: --set: the story declares no 'money'"],
      [['--set', 'cash=lots'], "pusher: --set: 'cash' takes a whole number"],
      [['--set', 'cash=999999'], "pusher: --set: 'cash' must be from 0 to 5000, got 999999"],
      [['--set', 'called_mother=1'], "pusher: --set: 'called_mother' is a flag: use true or false"],
      [['--set', 'deadline=noon'], `pusher: --set: 'deadline' is a time: use a day and time such as "Tue 18:00"`],
      [['--set', 'clock=noon'], `pusher: --set: 'clock' is a time: use a day and time such as "Fri 08:00"`],
    ];
    for (const [args, message] of cases) {
      const run = play(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim()).toBe(message);
    }
  });
});

describe('parseAssignments', () => {
  const story = storyOf(readFileSync(TINY, 'utf8'), 'tiny.pusher');

  it('reads numbers, flags and times', () => {
    expect(
      parseAssignments(['cash=0', 'nerve=3', 'called_mother=false', 'deadline=Tue 09:30', 'debt=5000'], story.vars),
    ).toEqual({
      cash: 0,
      nerve: 3,
      called_mother: false,
      deadline: 24 * 60 + 9 * 60 + 30,
      debt: 5000,
    });
  });

  it('refuses values below the range as well as above it', () => {
    expect(() => parseAssignments(['nerve=-1'], story.vars)).toThrow(UserError);
    expect(() => parseAssignments(['nerve=4'], story.vars)).toThrow("'nerve' must be from 0 to 3");
  });
});
