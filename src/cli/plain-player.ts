import { createInterface } from 'node:readline';
import type { Story, Value } from '../story/types.js';
import type { GameState, Step } from '../engine/game-state.js';
import { listChoices } from '../engine/list-choices.js';
import { takeChoice } from '../engine/take-choice.js';
import { meterDeltas, moneyMeter, readMeters } from '../engine/meters.js';
import { finalMoney, formatDeltas, formatMetersLine } from '../present/format-meters.js';
import { keyDecisions, summariseRun } from '../present/summarise-run.js';
import { formatDuration } from '../story/week-time.js';
import { debugTrace, debugValues } from '../present/debug-values.js';
import { stripControl } from '../text/strip-control.js';
import { wrapText } from '../text/wrap-text.js';
import { EXIT_OK } from './exit-codes.js';
import { readEndingLine } from './fate-cache.js';
import type { GameStore } from '../save/game-store.js';
import { branchRun, replayRun, undoRun, type Run } from '../save/run.js';
import { branchMap } from '../save/branch-map.js';
import { gallery } from '../save/gallery.js';
import { branchLines, galleryLines, optionLetter, slotLines } from '../save/format-lines.js';
import { newChoices } from '../save/profile.js';
import { PROMPT_HELP, parsePromptCommand } from '../save/prompt-command.js';

export interface PlainPlayerOptions {
  story: Story;
  seed: number;
  /** choice numbers to play before reading input (`--choices 2,1,3`) */
  scripted: number[];
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** wrap prose to this width; null leaves lines whole (pipes, files) */
  width: number | null;
  /** show every variable beside the scene */
  debug?: boolean;
  from?: string;
  set?: Record<string, Value>;
  /** autosave, slots and the profile; without it the commands that need them say so */
  store?: GameStore;
  /** a run to pick up (`--continue`, `--load`), with what to say about it */
  resume?: { run: Run; notice: string | null; label: string };
  /** mark choices no run has taken yet (only on a terminal: piped output must not depend on old data) */
  markNew?: boolean;
}

/**
 * The plain player: prose, meters and numbered choices as lines of text; one number per
 * line in. Used whenever there is no terminal to draw on, and with --plain.
 */
export async function playPlain(options: PlainPlayerOptions): Promise<number> {
  const { story, output } = options;
  const write = (text = '') => output.write(`${text}\n`);
  const paragraph = (text: string) => {
    const lines = options.width ? wrapText(text, options.width) : [text];
    write(lines.join('\n'));
    write();
  };

  write(stripControl(story.title));
  if (story.note) write(stripControl(story.note));
  let run: Run = options.resume?.run ?? {
    start: { seed: options.seed, from: options.from, set: options.set },
    taken: [],
  };
  // Every change to the run is saved; a failure to save is said, and play goes on.
  const autosave = () => {
    const problem = options.store?.autosave(run, step.state);
    if (problem) write(problem);
  };
  const seed = run.start.seed;
  write(`Seed ${seed} (play this run again with --seed ${seed})`);
  write();
  for (const notice of options.store?.notices ?? []) write(notice);
  if (options.resume) {
    write(`Continuing ${options.resume.label}: ${run.taken.length} choice${run.taken.length === 1 ? '' : 's'} in.`);
    if (options.resume.notice) write(options.resume.notice);
    write();
  }

  let step: Step = replayRun(story, run).step;
  const show = (current: Step, before: GameState | null) => {
    for (const text of current.paragraphs) paragraph(text);
    if (options.debug) for (const line of debugTrace(story, current)) write(line);
    if (before) {
      const moved = formatDeltas(meterDeltas(story, before, current.state), moneyMeter(story));
      if (moved) write(`(${moved})`);
    }
  };
  const remember = (choices: string[]) => {
    const problem = options.store?.note({
      choices,
      paragraphs: step.paragraphs,
      ending: step.state.ending,
      now: new Date(),
    });
    if (problem) write(problem);
  };
  /** Moves the game to another run (undo, branch, load) by replaying it, and shows where it stands. */
  const jumpTo = (next: Run, what: string) => {
    const replayed = replayRun(story, next);
    run = { start: next.start, taken: next.taken.slice(0, replayed.applied) };
    step = replayed.step;
    write(what);
    write();
    show(step, null);
    autosave();
  };
  show(step, null);
  remember([]);
  const lines = createInterface({ input: options.input, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  const scripted = [...options.scripted];
  const nextAnswer = async (): Promise<string | null> => {
    if (scripted.length) {
      const answer = String(scripted.shift());
      write(`> ${answer}`);
      return answer;
    }
    output.write('> ');
    const next = await iterator.next();
    if (next.done) {
      write();
      return null;
    }
    return next.value.trim();
  };

  /** Runs a prompt command; true when the game moved and the choices must be shown again. */
  const runCommand = (
    command: Exclude<ReturnType<typeof parsePromptCommand>, { type: 'choose' | 'quit' | 'unknown' }>,
  ): boolean => {
    const store = options.store;
    switch (command.type) {
      case 'help':
        write(PROMPT_HELP);
        return false;
      case 'undo':
        if (run.taken.length === 0) {
          write('Nothing to undo: this is the start of the run.');
          return false;
        }
        jumpTo(undoRun(run), `Undone: back to before choice ${run.taken.length}.`);
        return true;
      case 'branches':
        for (const line of branchLines(branchMap(story, run))) write(line);
        return false;
      case 'branch': {
        const decision = branchMap(story, run)[command.decision - 1];
        const index = decision ? decision.others.findIndex((_, i) => optionLetter(i) === command.option) : -1;
        const choice = decision?.others[index];
        if (!decision || !choice) {
          write(`There is no option ${command.option} at decision ${command.decision}; type branches to see them.`);
          return false;
        }
        if (!choice.available) {
          write(`That option was locked there: ${stripControl(choice.reason ?? '')}`);
          return false;
        }
        jumpTo(
          branchRun(run, decision.index, choice.id),
          `Back to ${decision.clock}, taking "${stripControl(choice.label)}" instead.`,
        );
        return true;
      }
      case 'endings':
        if (!store) write('Endings are kept only when the game can store data.');
        else for (const line of galleryLines(gallery(story, store.record()))) write(line);
        return false;
      case 'saves':
        if (!store) write('Saves are not available here.');
        else for (const line of slotLines(store.slots())) write(line);
        return false;
      case 'save':
        write(store ? store.saveAs(command.name, run, step.state).message : 'Saves are not available here.');
        return false;
      case 'load': {
        if (!store) {
          write('Saves are not available here.');
          return false;
        }
        const loaded = store.load(command.name);
        if (!loaded.ok) {
          write(loaded.problem);
          return false;
        }
        if (loaded.notice) write(loaded.notice);
        jumpTo(loaded.run, `Loaded '${command.name}'.`);
        return true;
      }
    }
  };

  let hinted = false;
  try {
    while (!step.state.ending) {
      const meters = readMeters(story, step.state);
      write(formatMetersLine(meters));
      if (options.debug) write(debugLine(story, step.state));
      const choices = listChoices(story, step.state);
      const open = choices.filter((choice) => choice.available);
      let number = 0;
      const fresh =
        options.markNew && options.store
          ? newChoices(
              options.store.record(),
              choices.map((c) => c.id),
            )
          : new Set<string>();
      for (const choice of choices) {
        const cost = `[${formatDuration(choice.cost)}]`;
        if (choice.available) write(`${++number}) ${choice.label} ${cost}${fresh.has(choice.id) ? ' (new)' : ''}`);
        else write(`   ${choice.label} ${cost} (locked: ${choice.reason})`);
      }
      if (open.length === 0) {
        write('There is no way on from here: the story has a dead end (run `pusher check`).');
        return EXIT_OK;
      }
      if (!hinted && options.store) write('(type help for undo, save, branches and endings)');
      hinted = true;
      let picked: number | null = null;
      while (picked === null) {
        const answer = await nextAnswer();
        if (answer === null) return EXIT_OK;
        const command = parsePromptCommand(answer);
        if (command.type === 'quit') return EXIT_OK;
        if (command.type === 'choose') {
          if (command.n >= 1 && command.n <= open.length) picked = command.n;
          else write(`Pick a number from 1 to ${open.length}.`);
          continue;
        }
        if (command.type === 'unknown') {
          write(`Pick a number from 1 to ${open.length}.`);
          continue;
        }
        if (runCommand(command)) break;
      }
      if (picked === null) continue;
      write();
      const before = step.state;
      const result = takeChoice(story, step.state, open[picked - 1]!.id);
      if (!result.ok) throw new Error(result.reason);
      step = result;
      run = { start: run.start, taken: result.state.taken };
      show(step, before);
      autosave();
      remember([open[picked - 1]!.id]);
    }
  } finally {
    lines.close();
  }

  const summary = summariseRun(story, step.state);
  const money = finalMoney(summary.money, summary.finalDebt);
  write(`THE END — ${stripControl(summary.endingTitle)}`);
  const shareLine = step.state.ending ? readEndingLine(story, step.state.ending) : null;
  if (shareLine !== null) write(shareLine);
  write(
    `Days survived: ${summary.daysSurvived} · ${money ? `${money.label}: ${money.value} · ` : ''}Seed: ${summary.seed}`,
  );
  const decisions = keyDecisions(summary);
  if (decisions.length) {
    write('How you got here:');
    for (const decision of decisions) write(`  ${decision.clock}  ${decision.label}`);
  }
  return EXIT_OK;
}

function debugLine(story: Story, state: GameState): string {
  return `[debug] ${debugValues(story, state)
    .map(({ name, value }) => `${name}=${value}`)
    .join(' ')}`;
}
