// The plain player: prose, meters and numbered choices as lines of text; one number (or a
// command) per line in. Used whenever there is no terminal to draw on, and with --plain.
// A thin translation of the play session (src/play/) into lines, as the Ink UI is into
// components: the rules of a run live there, not here.
import { createInterface } from 'node:readline';
import type { Story, Value } from '../../story/types.js';
import type { GameState } from '../../engine/game-state.js';
import { moneyMeter, readMeters } from '../../engine/meters.js';
import { finalMoney, formatMetersLine } from '../../present/format-meters.js';
import { keyDecisions, summariseRun } from '../../present/summarise-run.js';
import { formatChoiceCost } from '../../present/format-choice-cost.js';
import { debugTrace, debugValues } from '../../present/debug-values.js';
import { stripControl } from '../../text/strip-control.js';
import { safeText } from '../../text/safe-text.js';
import { wrapText } from '../../text/wrap-text.js';
import { foldToAscii } from '../../text/ascii-fold.js';
import { EXIT_OK } from '../exit-codes.js';
import { readEndingLine } from '../../play/ending-line.js';
import { replayCommandLines } from '../../play/replay-line.js';
import { runSeries, weekChartLines, weekChartWords } from '../../present/week-chart.js';
import type { Run } from '../../engine/run.js';
import {
  branchSession,
  choicesOf,
  chooseOpen,
  continueSession,
  historyAfter,
  loadIntoSession,
  movedByLast,
  openSession,
  runOf,
  undoSession,
  type Resume,
  type Session,
} from '../../play/session.js';
import { keepStep } from '../../play/keep-step.js';
import { branchMap } from '../../play/branch-map.js';
import type { GameStore } from '../../save/game-store.js';
import { gallery } from '../../save/gallery.js';
import { newChoices } from '../../save/profile.js';
import { branchLines, galleryLines, hangingLines, optionLetter, packedLines, slotLines } from './format-lines.js';
import { PROMPT_HELP, parsePromptCommand, type PromptCommand } from './prompt-command.js';

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
  resume?: Resume;
  /** mark choices no run has taken yet (only on a terminal: piped output must not depend on old data) */
  markNew?: boolean;
  /** the story file as given on the command line, for the replay command (none for the shipped story) */
  storyFile?: string;
  /** the week at the end in words instead of a chart */
  screenReader?: boolean;
  /** keeps the transcript after every step; returns what went wrong, or null */
  transcript?: (run: Run) => string | null;
  /** the locale shows ASCII only: every line is folded to it */
  ascii?: boolean;
}

type RunCommand = Exclude<PromptCommand, { type: 'choose' | 'quit' | 'unknown' }>;

export async function playPlain(options: PlainPlayerOptions): Promise<number> {
  const { story, output, store } = options;
  const fold = options.ascii ? foldToAscii : (text: string) => text;
  // Everything printed goes through safeText (notices and problems quote saves and the profile);
  // on a terminal every line is wrapped to its width, choices hanging under their text.
  const write = (text = '') => {
    const lines = safeText(text)
      .split('\n')
      .flatMap((line) => hangingLines(line, options.width));
    output.write(`${fold(lines.join('\n'))}\n`);
  };
  const paragraph = (text: string) => {
    const lines = options.width ? wrapText(text, options.width) : [text];
    write(lines.join('\n'));
    write();
  };

  const start = { seed: options.seed, from: options.from, set: options.set };
  let session: Session = options.resume
    ? continueSession(story, options.resume)
    : openSession(story, start, undefined, true);
  // History items already printed: the title and notices are printed as they come.
  let printed = -1;
  let savedAnything = false;

  write(stripControl(story.title));
  if (story.note) write(stripControl(story.note));
  const seed = session.start.seed;
  write(`Seed ${seed} (play this run again with --seed ${seed})`);
  write();
  for (const notice of store?.notices ?? []) write(notice);

  /** Prints what the session added since the last call: notices, then the live step. */
  const show = () => {
    const notices = historyAfter(session, printed).filter((item) => item.kind === 'notice');
    for (const item of notices) write(item.text);
    if (notices.length) write();
    printed = session.history.at(-1)?.id ?? printed;
    for (const text of session.step.paragraphs) paragraph(text);
    if (options.debug) for (const line of debugTrace(story, session.step)) write(line);
    const moved = movedByLast(session);
    if (moved) write(`(${moved})`);
  };
  /** Saves and records the step the session is at, and the transcript; a failure to write is said, and play goes on. */
  const keep = () => {
    if (store) {
      const kept = keepStep(store, session.start, session.step, savedAnything, new Date());
      savedAnything = kept.saved;
      for (const problem of kept.problems) write(problem);
    }
    const problem = options.transcript?.(runOf(session));
    if (problem) write(problem);
  };
  /** Moves to what an undo, branch or load made of the session, or says why it could not. */
  const moveTo = (next: Session | string): boolean => {
    if (typeof next === 'string') {
      write(next);
      return false;
    }
    session = next;
    show();
    keep();
    return true;
  };

  show();
  keep();
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
  const runCommand = (command: RunCommand): boolean => {
    switch (command.type) {
      case 'help':
        write(PROMPT_HELP);
        return false;
      case 'undo':
        return moveTo(undoSession(session));
      case 'branches':
        for (const line of branchLines(branchMap(story, runOf(session)))) write(line);
        return false;
      case 'branch': {
        const decision = branchMap(story, runOf(session))[command.decision - 1];
        const option = decision ? decision.others.findIndex((_, i) => optionLetter(i) === command.option) : -1;
        if (!decision || option < 0) {
          write(`There is no option ${command.option} at decision ${command.decision}; type branches to see them.`);
          return false;
        }
        return moveTo(branchSession(session, command.decision - 1, option));
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
        write(
          store
            ? store.saveAs(command.name, runOf(session), session.step.state).message
            : 'Saves are not available here.',
        );
        return false;
      case 'load': {
        if (!store) {
          write('Saves are not available here.');
          return false;
        }
        const loaded = store.load(command.name);
        return moveTo(loaded.ok ? loadIntoSession(session, command.name, loaded) : loaded.problem);
      }
    }
  };

  let hinted = false;
  try {
    while (!session.step.state.ending) {
      const { state } = session.step;
      for (const part of packedLines(formatMetersLine(readMeters(story, state)).split(' · '), ' · ', options.width))
        write(part);
      if (options.debug) write(debugLine(story, state));
      const { all, open } = choicesOf(session);
      let number = 0;
      const fresh =
        options.markNew && store
          ? newChoices(
              store.record(),
              all.map((c) => c.id),
            )
          : new Set<string>();
      for (const choice of all) {
        const cost = `(${formatChoiceCost(choice)})`;
        if (choice.available) write(`${++number}) ${choice.label} ${cost}${fresh.has(choice.id) ? ' (new)' : ''}`);
        else write(`   ${choice.label} ${cost} (locked: ${choice.reason})`);
      }
      if (open.length === 0) {
        write('There is no way on from here: the story has a dead end (run `pusher check`).');
        return EXIT_OK;
      }
      if (!hinted && store) write('(type help for undo, save, branches and endings)');
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
      const next = chooseOpen(session, picked - 1);
      if (typeof next === 'string') throw new Error(next);
      session = next;
      show();
      keep();
    }
  } finally {
    lines.close();
  }

  const { state } = session.step;
  const summary = summariseRun(story, state);
  const money = finalMoney(summary.money, summary.finalDebt);
  write(`THE END — ${stripControl(summary.endingTitle)}`);
  const shareLine = state.ending ? readEndingLine(story, state.ending) : null;
  if (shareLine !== null) write(shareLine);
  write(
    `Days survived: ${summary.daysSurvived} · ${money ? `${money.label}: ${money.value} · ` : ''}Seed: ${summary.seed}`,
  );
  const series = runSeries(story, runOf(session));
  const week = options.screenReader
    ? weekChartWords(series, moneyMeter(story))
    : weekChartLines(series, (options.width ?? 72) - 2, moneyMeter(story));
  if (week.length) {
    write('The week:');
    for (const line of week) write(options.screenReader ? line : `  ${line}`);
  }
  const decisions = keyDecisions(summary);
  if (decisions.length) {
    write('How you got here:');
    for (const decision of decisions) write(`  ${decision.clock}  ${decision.label}`);
  }
  write('Play this run again:');
  // whole on one line for pipes and files; cut to the terminal's width with shell continuations
  const replay = replayCommandLines(story, runOf(session), (options.width ?? Infinity) - 2, options.storyFile);
  for (const line of replay) write(`  ${line}`);
  return EXIT_OK;
}

function debugLine(story: Story, state: GameState): string {
  return `[debug] ${debugValues(story, state)
    .map(({ name, value }) => `${name}=${value}`)
    .join(' ')}`;
}
