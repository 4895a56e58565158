import { randomInt } from 'node:crypto';
import { loadStory } from './load-story.js';
import { playPlain } from './plain-player.js';
import { loadInkUi } from './ink-ui.js';
import { UserError } from './exit-codes.js';
import { parseAssignments } from './parse-assignments.js';
import { returnsWithoutCall } from '../story/tunnels.js';
import { dataDir } from '../save/data-dir.js';
import { openGameStore, type GameStore } from '../save/game-store.js';
import { runOfSave } from '../save/save-format.js';
import { AUTOSAVE_SLOT } from '../save/slot-name.js';
import type { Run } from '../save/run.js';
import { NO_START_UP, type StartUp } from './start-up.js';

/** How long after a game's start the code caches are written (when they had none). */
const CACHE_AFTER_MS = 250;

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
}

export interface Resume {
  run: Run;
  notice: string | null;
  label: string;
}

/** `pusher play [file]`: the Ink UI on a terminal, the plain player otherwise. */
export async function runPlay(
  file: string | undefined,
  options: PlayOptions,
  startUp: StartUp = NO_START_UP,
): Promise<number> {
  const story = loadStory(file);
  if (options.from && !story.scenes[options.from])
    throw new UserError(`--from: the story has no scene '${options.from}'`);
  if (options.from && returnsWithoutCall(story, options.from))
    throw new UserError(
      `--from: '${options.from}' is inside a tunnel: a run started there would have nowhere to return to`,
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
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (terminal && !options.plain) {
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
    const saveCaches = () => {
      ui.save();
      startUp.saveCodeCache();
    };
    return savingCodeCaches(saveCaches, () =>
      ui.exports.playInk({
        story,
        seed,
        scripted: options.choices ?? [],
        anim: options.anim !== false && !process.env['PUSHER_NO_ANIM'],
        color: options.color !== false && !('NO_COLOR' in process.env),
        debug: Boolean(options.debug),
        from: options.from,
        set,
        store,
        resume: resume ?? undefined,
        offer: offer ?? undefined,
      }),
    );
  }
  // A plain game is a start that must be quick too; its cache is taken the same way.
  return savingCodeCaches(startUp.saveCodeCache, () =>
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
    }),
  );
}

/**
 * Plays with the code caches taken once the first frame or prompt is up and the player reads
 * it, or at the latest when the game ends: by then they hold the code the next start needs first.
 */
async function savingCodeCaches(save: () => void, play: () => Promise<number>): Promise<number> {
  const idle = setTimeout(save, CACHE_AFTER_MS);
  idle.unref();
  try {
    return await play();
  } finally {
    clearTimeout(idle);
    save();
  }
}

/** The run `--continue` or `--load` asks for; a save that cannot be loaded is bad input. */
function resumeFrom(store: GameStore, options: PlayOptions): Resume | null {
  if (options.load !== undefined) {
    const loaded = store.load(options.load);
    if (!loaded.ok) throw new UserError(`--load: ${loaded.problem}`);
    return { run: loaded.run, notice: loaded.notice, label: `'${options.load}'` };
  }
  if (options.continue) {
    if (!store.unfinished())
      throw new UserError('--continue: there is no unfinished run to continue (start one with `pusher play`)');
    const loaded = store.load(AUTOSAVE_SLOT);
    if (!loaded.ok) throw new UserError(`--continue: ${loaded.problem}`);
    return { run: loaded.run, notice: loaded.notice, label: 'the last run' };
  }
  return null;
}

/** The unfinished run to offer on a terminal, already replayed, or null. */
function offerContinue(store: GameStore): Resume | null {
  if (!store.unfinished()) return null;
  const loaded = store.load(AUTOSAVE_SLOT);
  return loaded.ok ? { run: loaded.run, notice: loaded.notice, label: 'the last run' } : null;
}

export { parseAssignments };
