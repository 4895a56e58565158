// The real binary in tmux through what a terminal does to a game besides keys: the window
// closed under it, Ctrl+Z and fg, keys that arrive together, terminals that cannot draw.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasTmux, startTmux, type Tmux } from './tmux.js';

const STORY = 'tests/fixtures/tiny.pusher';
let tmux: Tmux;

/** The pane's terminal modes as `stty -a` says them: `icanon echo` when cooked. */
async function sttyFlags(name: string): Promise<string> {
  tmux.type(name, 'stty -a | tr " ;" "\\n\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo "[stty done]"');
  const now = await tmux.waitFor(name, /^.*\[stty done\]$/m);
  return now.split('\n').find((l) => l.includes('[stty done]') && !l.includes('echo "'))!;
}

describe.skipIf(!hasTmux)('the game and its terminal (tmux)', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) execFileSync('node', ['scripts/build.js']);
    tmux = startTmux();
  });
  afterAll(() => tmux.stop());

  for (const [mode, flags, chosen] of [
    ['the full-screen UI', '', 'Day 1 · Monday 08:05'],
    ['plain mode', ' --plain', 'Two hundred, give or take.'],
  ] as const) {
    it(`leaves quietly with 129 when the window is closed, its autosave intact (${mode})`, async () => {
      const name = `hangup${flags.replace(/\W/g, '')}`;
      const home = tmux.openShell(name, 100, 30);
      // The shell that owns the window passes the hang-up on to the game and dies with it;
      // a shell in between that ignores it outlives the window to note how the game ended.
      const err = join(home, 'stderr.txt');
      const rc = join(home, 'rc.txt');
      tmux.type(
        name,
        `bash -c 'trap "" HUP; node bin/pusher.js play ${STORY} --seed 7${flags} 2>${err}; echo $? > ${rc}'`,
      );
      await tmux.waitFor(name, '1) Count the jar.');
      tmux.keys(name, '1');
      if (flags) tmux.keys(name, 'Enter');
      await tmux.waitFor(name, chosen);
      tmux.kill(name);
      const code = await eventually(() => (existsSync(rc) ? readFileSync(rc, 'utf8').trim() || undefined : undefined));
      expect(code).toBe('129');
      // not a byte: no stack trace, no native assertion, no escape sequence for a terminal
      expect(readFileSync(err, 'utf8')).toBe('');
      const saves = execFileSync('node', ['bin/pusher.js', 'saves', STORY, '--json'], {
        encoding: 'utf8',
        env: { ...process.env, PUSHER_HOME: home },
      });
      expect(JSON.parse(saves).saves).toEqual([
        expect.objectContaining({ name: 'autosave', ok: true, seed: 7, choices: 1, scene: 'kitchen' }),
      ]);
    });
  }

  it('stops on Ctrl+Z and on SIGTSTP with the terminal given back, and plays on after fg', async () => {
    const seed = 500_000 + Math.floor(Math.random() * 100_000);
    tmux.openShell('suspend', 100, 30);
    tmux.type('suspend', `node bin/pusher.js play ${STORY} --seed ${seed} --no-anim; echo "[exit $?]"`);
    await tmux.waitFor('suspend', '1) Count the jar.');
    const stopsAndResumes = async () => {
      await tmux.waitFor('suspend', /Stopped +node bin\/pusher\.js/);
      expect(tmux.cursorShown('suspend')).toBe(true);
      expect(await sttyFlags('suspend')).toMatch(/^icanon echo /);
      tmux.keys('suspend', 'C-l');
      tmux.type('suspend', 'fg');
      // the whole frame again, on a cleared screen, with keys read one by one (raw mode)
      const back = await tmux.waitFor('suspend', /quit\s*$/);
      expect(back).not.toContain('Stopped');
      expect(back).toContain('Debt  1,000 kr');
      expect(tmux.cursorShown('suspend')).toBe(false);
    };
    tmux.keys('suspend', 'C-z');
    await stopsAndResumes();
    tmux.keys('suspend', '1');
    await tmux.waitFor('suspend', 'Day 1 · Monday 08:05');

    const pid = execFileSync('pgrep', ['-f', `pusher.js play ${STORY} --seed ${seed} --no-anim$`], {
      encoding: 'utf8',
    }).trim();
    process.kill(Number(pid), 'SIGTSTP');
    await stopsAndResumes();
    tmux.keys('suspend', '2');
    await tmux.waitFor('suspend', 'Monday 08:35');
    tmux.keys('suspend', 'q', 'y');
    await tmux.waitFor('suspend', 'You stopped at Mon 08:35.');
    // bash drops the rest of a command line whose job was stopped: ask for the code after fg
    tmux.type('suspend', 'echo "[exit $?]"');
    await tmux.waitFor('suspend', /^\[exit 0\]$/m);
    expect(await sttyFlags('suspend')).toMatch(/^icanon echo /);
  });

  it('takes every key of a read: a paste of several choices and undos', async () => {
    tmux.openShell('paste', 100, 30);
    tmux.type('paste', `node bin/pusher.js play ${STORY} --seed 7 --no-anim; echo "[exit $?]"`);
    await tmux.waitFor('paste', '1) Count the jar.');
    tmux.paste('paste', '112');
    await tmux.waitFor('paste', 'She listens.');
    expect(tmux.screen('paste')).toContain('Day 1 · Monday 08:40');
    tmux.paste('paste', 'uu');
    await tmux.waitFor('paste', /Day 1 · Monday 08:05[\s\S]*quit/);
    tmux.paste('paste', 'qy');
    await tmux.waitFor('paste', '[exit 0]');
  });

  it('plays plain on a dumb terminal', async () => {
    tmux.openShell('dumb', 80, 24, { TERM: 'dumb' });
    tmux.type('dumb', `node bin/pusher.js play ${STORY} --seed 7; echo "[exit $?]"`);
    await tmux.waitFor('dumb', '1) Count the jar. (5 m)');
    const now = await tmux.waitFor('dumb', /^>\s*$/m);
    expect(now).not.toContain('╭');
    tmux.type('dumb', 'quit');
    await tmux.waitFor('dumb', '[exit 0]');
  });

  it('draws in ASCII alone when the locale is not UTF-8', async () => {
    tmux.openShell('ascii', 100, 30, { LANG: 'C', LC_ALL: '', LC_CTYPE: '' });
    tmux.type('ascii', `node bin/pusher.js play ${STORY} --seed 7; echo "[exit $?]"`);
    const now = await tmux.waitFor('ascii', /quit\s*$/);
    // eslint-disable-next-line no-control-regex
    expect(now).toMatch(/^[\u0000-\u007f]*$/);
    expect(now).toMatch(/^\+-+\+$/m);
    expect(now).toMatch(/\| Debt {2}1,000 kr +#+\.+ +\|/);
    expect(now).toContain('> 1) Count the jar. *new (5 m)');
    tmux.keys('ascii', 'q', 'y');
    await tmux.waitFor('ascii', '[exit 0]');
  });

  it('keeps colour when NO_COLOR is set but empty, and drops it when set', async () => {
    const colours = async (name: string, value: string) => {
      tmux.openShell(name, 100, 30, { NO_COLOR: value });
      tmux.type(name, `node bin/pusher.js play ${STORY} --seed 7; echo "[exit $?]"`);
      await tmux.waitFor(name, /quit\s*$/);
      // foreground colours (30-37, 90-97) in what tmux drew
      const styled = tmux.styledScreen(name);
      tmux.keys(name, 'q', 'y');
      await tmux.waitFor(name, '[exit 0]');
      // eslint-disable-next-line no-control-regex
      return /\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7])m/.test(styled);
    };
    expect(await colours('colour-empty', '')).toBe(true);
    expect(await colours('colour-set', '1')).toBe(false);
  });

  it('ends the farewell with a newline when it fills the terminal', async () => {
    tmux.openShell('farewell', 40, 2);
    tmux.type('farewell', `node bin/pusher.js play ${STORY} --seed 7 --no-anim; echo "[exit $?]"`);
    await tmux.waitFor('farewell', 'quit');
    tmux.keys('farewell', 'q');
    await tmux.waitFor('farewell', 'Quit this run?');
    tmux.keys('farewell', 'y');
    await tmux.waitFor('farewell', '[exit 0]');
    expect(tmux.screen('farewell')).toMatch(/^\[exit 0\]$/m);
  });
});
