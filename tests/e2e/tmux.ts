// A tmux server of one test file's own, with shells to run the real binary in (as
// play-tty.test.ts does): each shell gets its own data folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export interface Tmux {
  /** A bash in a fresh session of the given size; returns its PUSHER_HOME. */
  openShell(name: string, columns: number, rows: number, env?: Record<string, string>): string;
  screen(name: string): string;
  /** the screen with its colours and styles, as escape sequences */
  styledScreen(name: string): string;
  keys(name: string, ...list: string[]): void;
  /** Sends `text` as it is, in one write (a paste, or keys faster than a read). */
  paste(name: string, text: string): void;
  type(name: string, line: string): void;
  waitFor(name: string, text: string | RegExp, timeout?: number): Promise<string>;
  /** The whole window closed: the pty hung up under whatever runs in it. */
  kill(name: string): void;
  cursorShown(name: string): boolean;
  stop(): void;
  run(...args: string[]): string;
}

export function startTmux(): Tmux {
  const socket = `pusher-test-${randomBytes(4).toString('hex')}`;
  const run = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (name: string) => run('capture-pane', '-p', '-t', name);
  return {
    run,
    openShell(name, columns, rows, env = {}) {
      const home = mkdtempSync(join(tmpdir(), 'pusher-e2e-'));
      const vars = Object.entries({ CI: 'true', PUSHER_HOME: home, PS1: '$ ', ...env })
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join(' ');
      run(
        'new-session',
        '-d',
        '-s',
        name,
        '-x',
        String(columns),
        '-y',
        String(rows),
        '-c',
        process.cwd(),
        `env ${vars} bash --norc --noprofile`,
      );
      return home;
    },
    screen,
    styledScreen: (name) => run('capture-pane', '-p', '-e', '-t', name),
    keys(name, ...list) {
      for (const key of list) run('send-keys', '-t', name, key);
    },
    paste(name, text) {
      run('send-keys', '-t', name, '-l', text);
    },
    type(name, line) {
      run('send-keys', '-t', name, '-l', line);
      run('send-keys', '-t', name, 'Enter');
    },
    async waitFor(name, text, timeout = 10_000) {
      const until = Date.now() + timeout;
      for (;;) {
        const now = screen(name);
        if (typeof text === 'string' ? now.includes(text) : text.test(now)) return now;
        if (Date.now() > until) throw new Error(`timed out waiting for ${String(text)}; screen:\n${now}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    kill(name) {
      run('kill-session', '-t', name);
    },
    cursorShown(name) {
      return run('display-message', '-p', '-t', name, '#{cursor_flag}').trim() === '1';
    },
    stop() {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    },
  };
}

/** Waits until `check` holds (a file written by a process that outlives the window). */
export async function eventually<T>(check: () => T | undefined, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
