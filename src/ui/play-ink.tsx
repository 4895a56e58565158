// The terminal UI's entry point, loaded lazily by the play command when both ends are a
// terminal. It renders the App and makes sure the terminal is left as it was found,
// however the game ends: q, Ctrl+C, SIGTERM, SIGHUP or an error.
import { randomInt } from 'node:crypto';
import { isatty } from 'node:tty';
import chalk from 'chalk';
import { render } from 'ink';
import type { Story, Value } from '../story/types.js';
import { App } from './components/App.js';
import { EndingShareContext } from './ending-share-context.js';
import { readEndingLine } from '../play/ending-line.js';
import { createLeaveSignal } from './leave-signal.js';
import { createRedrawSignal } from './redraw-signal.js';
import { GameStdout } from './game-stdout.js';
import { SHOW_CURSOR, stopProcess, suspendTerminal } from './suspend.js';
import type { GameStore } from '../save/game-store.js';
import type { Resume } from '../play/session.js';
import type { Run } from '../engine/run.js';
import { ReplayFileContext } from './replay-file-context.js';

export interface InkPlayOptions {
  story: Story;
  seed: number;
  /** choice numbers to play first */
  scripted: number[];
  anim: boolean;
  color: boolean;
  /** the locale shows ASCII only: everything drawn is folded to it */
  ascii?: boolean;
  debug: boolean;
  from?: string;
  set?: Record<string, Value>;
  store?: GameStore;
  resume?: Resume;
  offer?: Resume;
  /** the story file as given on the command line, for the replay command */
  storyFile?: string;
  /** linear text without redraws (--screen-reader; INK_SCREEN_READER=true does the same) */
  screenReader?: boolean;
  /** keeps the transcript after every step; returns what went wrong, or null */
  transcript?: (run: Run) => string | null;
}

/** If the App does not leave by itself after a signal, unmount it anyway after this long. */
const LEAVE_GRACE_MS = 500;
const SIGNAL_CODES: Record<'SIGTERM' | 'SIGHUP' | 'SIGINT', number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export async function playInk(options: InkPlayOptions): Promise<number> {
  if (!options.color) chalk.level = 0;

  let code = 0;
  const stdout = new GameStdout(process.stdout, options.ascii);
  const leaveSignal = createLeaveSignal();
  const redrawSignal = createRedrawSignal();
  // Ctrl+Z (a key in raw mode) and a SIGTSTP from outside: give the terminal back, stop, and
  // on `fg` take it again and draw the whole frame.
  const suspend = () => {
    suspendTerminal({ stdin: process.stdin, stdout: process.stdout, stop: stopProcess });
    redrawSignal.redraw();
  };
  // (Windows has no job control: there Ctrl+Z stays an ignored key)
  const canSuspend = process.platform !== 'win32';
  if (canSuspend) process.on('SIGTSTP', suspend);
  const endingShare = (endingId: string) => readEndingLine(options.story, endingId);
  const instance = render(
    <EndingShareContext.Provider value={endingShare}>
      <ReplayFileContext.Provider value={options.storyFile}>
        <App
          story={options.story}
          seed={options.seed}
          scripted={options.scripted}
          anim={options.anim}
          debug={options.debug}
          from={options.from}
          set={options.set}
          newSeed={() => randomInt(2 ** 31)}
          onExit={(c) => (code = c)}
          leaveSignal={leaveSignal}
          onSuspend={canSuspend ? suspend : undefined}
          redrawSignal={redrawSignal}
          store={options.store}
          resume={options.resume}
          offer={options.offer}
          transcript={options.transcript}
        />
      </ReplayFileContext.Provider>
    </EndingShareContext.Provider>,
    { exitOnCtrlC: false, isScreenReaderEnabled: options.screenReader || undefined, stdout: stdout.asStream() },
  );

  // Our own listeners also stop signal-exit (inside Ink) from re-raising the signal and
  // killing the process before the terminal is restored.
  const onSignal = (signal: keyof typeof SIGNAL_CODES) => {
    code = SIGNAL_CODES[signal];
    leaveSignal.leave(code);
    setTimeout(() => instance.unmount(), LEAVE_GRACE_MS).unref();
  };
  const signals = Object.keys(SIGNAL_CODES) as Array<keyof typeof SIGNAL_CODES>;
  for (const signal of signals) process.on(signal, onSignal);
  let failure: unknown = null;
  const onError = (error: unknown) => {
    failure = error;
    instance.unmount(error instanceof Error ? error : new Error(String(error)));
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);

  try {
    await instance.waitUntilExit();
  } catch (error) {
    failure ??= error;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    process.off('SIGTSTP', suspend);
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
    restoreTerminal(stdout.atLineStart);
  }
  if (failure) throw failure;
  return code;
}

/**
 * Belt and braces after Ink's own clean-up: cooked mode, a visible cursor, stdin let go, and
 * the shell's prompt on a line of its own (Ink ends a frame as tall as the terminal without
 * its newline).
 */
function restoreTerminal(atLineStart: boolean): void {
  const { stdin, stdout } = process;
  try {
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
  } catch {
    // the terminal may already be gone (SIGHUP)
  }
  stdin.pause();
  // after a hang-up (the window closed) there is no terminal left to restore
  if (stdout.isTTY && stdout.writable && isatty(stdout.fd)) stdout.write(`${atLineStart ? '' : '\n'}${SHOW_CURSOR}`);
}
