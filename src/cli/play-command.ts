import { randomInt } from 'node:crypto';
import { loadStory } from './load-story.js';
import { playPlain } from './plain/plain-player.js';
import { loadInkUi } from './ink-ui.js';
import { UserError } from './exit-codes.js';
import { parseAssignments } from './parse-assignments.js';
import { returnsWithoutCall } from '../story/tunnels.js';
import { dataDir } from '../save/data-dir.js';
import { openGameStore, type GameStore } from '../save/game-store.js';
import { AUTOSAVE_SLOT } from '../save/slot-name.js';
import type { Resume } from '../play/session.js';
import { NO_START_UP, type StartUp } from './start-up.js';
import { warmFateCacheInBackground } from './warm-fates-in-background.js';
import { transcriptWriter } from './transcript-file.js';
import { safeLine } from '../text/safe-text.js';
import { isDumbTerminal, wantsAscii, wantsColor } from './terminal-caps.js';

/**
 * How long after a game's start the work that must not delay its first frame is done: the
 * code caches written (when they had none) and the ending numbers' background count started.
 */
const AFTER_START_MS = 250;

export interface PlayOptions {
  plain?: boolean;
  seed?: number;
  choices?: number[];
  debug?: boolean;
  from?: string;
  set?: string[];
  anim?: boolean;
  color?: boolean;
  /** pick up the unfinished run from the autosave */
  continue?: boolean;
  /** pick up a named save */
  load?: string;
  /** start a new game without asking, whatever is saved */
  new?: boolean;
  /** linear text for screen readers (as INK_SCREEN_READER=true) */
  screenReader?: boolean;
  /** write the run as readable text to this file after every step */
  transcript?: string;
}

/** `pusher play [file]`: the Ink UI on a terminal, the plain player otherwise. */
export async function runPlay(
  file: string | undefined,
  options: PlayOptions,
  startUp: StartUp = NO_START_UP,
): Promise<number> {
  const story = loadStory(file);
  if (options.from && !story.scenes[options.from])
    throw new UserError(`--from: the story has no scene '${safeLine(options.from, 60)}'`);
  if (options.from && returnsWithoutCall(story, options.from))
    throw new UserError(
      `--from: '${safeLine(options.from, 60)}' is inside a tunnel: a run started there would have nowhere to return to`,
    );
  const picks = [options.continue, options.load !== undefined, options.new].filter(Boolean).length;
  if (picks > 1) throw new UserError('choose one of --continue, --load and --new');
  if (
    (options.continue || options.load !== undefined) &&
    (options.seed !== undefined || options.from || options.set?.length)
  ) {
    throw new UserError('--seed, --from and --set start a new game; they cannot be used with --continue or --load');
  }
  const seed = options.seed ?? randomInt(2 ** 31);
  const set = parseAssignments(options.set ?? [], story.vars);
  const store = openGameStore(story, dataDir());
  const resume = resumeFrom(store, options);
  const transcript =
    options.transcript === undefined
      ? undefined
      : transcriptWriter(
          options.transcript,
          story,
          resume?.run ?? { start: { seed, from: options.from, set }, taken: [] },
          file,
        );
  const screenReader = Boolean(options.screenReader) || process.env['INK_SCREEN_READER'] === 'true';
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // Ink needs raw mode for keys; without it (odd terminals, some Windows shells) play plain
  // rather than crash with "raw mode is not supported". A dumb terminal cannot move its
  // cursor, which drawing a screen needs.
  const canDraw = terminal && typeof process.stdin.setRawMode === 'function' && !isDumbTerminal(process.env);
  const ascii = wantsAscii(process.env);
  if (canDraw && !options.plain) {
    // Only a person at a terminal is asked; anything else never depends on old data unless told to.
    const offer =
      !resume && !options.new && options.seed === undefined && !options.from && !options.set?.length
        ? offerContinue(store)
        : null;
    // Ink draws for a build log (one final frame) when CI is set, which is wrong for a person
    // at a terminal; it reads the variable once, as it loads, so clear it first.
    delete process.env['CI'];
    delete process.env['CONTINUOUS_INTEGRATION'];
    const ui = loadInkUi();
    const afterStart = () => {
      ui.save();
      startUp.saveCodeCache();
      warmFateCacheInBackground(story);
    };
    return afterStartUp(afterStart, () =>
      ui.exports.playInk({
        story,
        seed,
        scripted: options.choices ?? [],
        anim: options.anim !== false && !process.env['PUSHER_NO_ANIM'],
        color: wantsColor(process.env, options.color),
        ascii,
        debug: Boolean(options.debug),
        from: options.from,
        set,
        store,
        resume: resume ?? undefined,
        offer: offer ?? undefined,
        storyFile: file,
        screenReader,
        transcript,
      }),
    );
  }
  // A plain game is a start that must be quick too; its cache is taken the same way.
  const afterStart = () => {
    startUp.saveCodeCache();
    warmFateCacheInBackground(story);
  };
  return afterStartUp(afterStart, () =>
    playPlain({
      story,
      seed,
      scripted: options.choices ?? [],
      input: process.stdin,
      output: process.stdout,
      width: process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 100) : null,
      debug: options.debug,
      from: options.from,
      set,
      store,
      resume: resume ?? undefined,
      markNew: terminal,
      storyFile: file,
      screenReader,
      transcript,
      ascii,
    }),
  );
}

/**
 * Plays, doing `work` once the first frame or prompt is up and the player reads it, or at the
 * latest when the game ends: the code caches then hold the code the next start needs first,
 * and the ending screen's numbers are being counted beside the game (it only reads them).
 */
async function afterStartUp(work: () => void, play: () => Promise<number>): Promise<number> {
  let done = false;
  const once = () => {
    if (!done) work();
    done = true;
  };
  const idle = setTimeout(once, AFTER_START_MS);
  idle.unref();
  try {
    return await play();
  } finally {
    clearTimeout(idle);
    once();
  }
}

/** The run `--continue` or `--load` asks for; a save that cannot be loaded is bad input. */
function resumeFrom(store: GameStore, options: PlayOptions): Resume | null {
  if (options.load !== undefined) {
    const loaded = store.load(options.load);
    if (!loaded.ok) throw new UserError(`--load: ${safeLine(loaded.problem, 300)}`);
    return { run: loaded.run, notice: safeNotice(loaded.notice), label: `'${safeLine(options.load, 40)}'` };
  }
  if (options.continue) {
    const problem = store.autosaveProblem();
    if (problem) throw new UserError(`--continue: the autosave cannot be loaded: ${problem}. It is left as it is.`);
    if (!store.unfinished())
      throw new UserError('--continue: there is no unfinished run to continue (start one with `pusher play`)');
    const loaded = store.load(AUTOSAVE_SLOT);
    if (!loaded.ok) throw new UserError(`--continue: ${safeLine(loaded.problem, 300)}`);
    return { run: loaded.run, notice: safeNotice(loaded.notice), label: 'the last run' };
  }
  return null;
}

/** The unfinished run to offer on a terminal, already replayed, or null. */
function offerContinue(store: GameStore): Resume | null {
  if (!store.unfinished()) return null;
  const loaded = store.load(AUTOSAVE_SLOT);
  return loaded.ok ? { run: loaded.run, notice: safeNotice(loaded.notice), label: 'the last run' } : null;
}

/** A save's notice ("the story has changed…") quotes the save: one safe line for either player. */
function safeNotice(notice: string | null): string | null {
  return notice === null ? null : safeLine(notice, 500);
}

export { parseAssignments };
