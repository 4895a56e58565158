// --screen-reader on a real terminal (tmux): the flag reaches Ink's screen-reader mode, the
// mode INK_SCREEN_READER=true turns on, so the ending says the week in words; without it
// the week is drawn. Also the ending's replay command, and the transcript written from Ink.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `pusher-sr-${randomBytes(4).toString('hex')}`;
const STORY = 'tests/fixtures/tiny.pusher';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

function run(name: string, command: string): void {
  const home = mkdtempSync(join(tmpdir(), 'pusher-e2e-sr-'));
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    '80',
    '-y',
    '40',
    '-c',
    process.cwd(),
    `env CI=true PUSHER_HOME=${home} PUSHER_NO_FATE_WARMUP=1 PS1="$ " bash --norc --noprofile`,
  );
  tmux('send-keys', '-t', name, '-l', `${command}; echo "[exit $?]"`);
  tmux('send-keys', '-t', name, 'Enter');
}

async function waitFor(name: string, text: string, timeout = 15_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const now = tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', name);
    if (now.includes(text)) return now;
    if (Date.now() > until) throw new Error(`timed out waiting for ${text}; screen:\n${now}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!hasTmux)('the ending on a terminal (tmux)', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) execFileSync('node', ['scripts/build.js']);
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('--screen-reader says the week in words', async () => {
    run('sr', `node bin/pusher.js play ${STORY} --seed 5 --choices 1,4 --screen-reader`);
    const ending = await waitFor('sr', 'End, Mon 20:00: debt 1,000 kr, overdue 8 h.');
    expect(ending).toContain('Start, Mon 08:00: debt 1,000 kr, 4 h left.');
    expect(ending).not.toMatch(/[\u2581-\u2588]/);
    tmux('send-keys', '-t', 'sr', 'q');
    await waitFor('sr', '[exit 0]');
  });

  it('draws the week, prints the replay command and writes the transcript', async () => {
    const file = join(tmpdir(), `${socket}-transcript.txt`);
    run('drawn', `node bin/pusher.js play ${STORY} --seed 5 --choices 1,4 --transcript ${file}`);
    const ending = await waitFor('drawn', 'Play this run again:');
    expect(ending).toMatch(/^Debt {2}[\u2581-\u2588]{74}$/m);
    expect(ending).toContain(`pusher play ${STORY} --seed 5 --choices 1,4`);
    tmux('send-keys', '-t', 'drawn', 'q');
    await waitFor('drawn', '[exit 0]');
    expect(readFileSync(file, 'utf8')).toContain('THE END — Night Falls');
    rmSync(file, { force: true });
  });
});
