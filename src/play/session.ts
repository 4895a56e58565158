// One sitting with a story, as plain data: the run in play and the history already shown
// above it. Both players are translations of this: the Ink UI draws the history and the
// live step, the plain player prints them as lines. Every rule of the game is the engine's;
// this only keeps track of what the player has seen and done.
import type { Story } from '../story/types.js';
import type { ChoiceView, GameState, Step } from '../engine/index.js';
import { withRealCosts } from '../tools/real-cost.js';
import { listChoices, meterDeltas, moneyMeter, readMeters, startGame, takeChoice } from '../engine/index.js';
import { formatDeltas } from '../present/format-meters.js';
import { nextDeadlineWindow, type DeadlineWindow } from '../present/meter-danger.js';
import { stripControl } from '../text/strip-control.js';
import { safeLine } from '../text/safe-text.js';
import { branchRun, replayRun, undoRun, type Run, type RunStart } from '../engine/run.js';
import { plural } from '../text/plural.js';
import { formatWeekTime } from '../story/week-time.js';
import { branchMap } from './branch-map.js';

/** One finished piece of the screen, printed once into Ink's <Static> and never redrawn. */
export type HistoryItem =
  | { id: number; kind: 'title'; title: string; seed: number; note: string | null }
  | { id: number; kind: 'scene'; paragraphs: string[] }
  | { id: number; kind: 'pick'; label: string; moved: string }
  | { id: number; kind: 'notice'; text: string }
  | { id: number; kind: 'ending'; state: GameState; start: RunStart };

type NewItem = HistoryItem extends infer T ? (T extends HistoryItem ? Omit<T, 'id'> : never) : never;

export interface Session {
  story: Story;
  /** how this run began: with `step.state.taken`, it replays the run */
  start: RunStart;
  step: Step;
  /** the state before the last choice, so the meters can show what it moved */
  before: GameState | null;
  window: DeadlineWindow;
  history: HistoryItem[];
  nextId: number;
  /** the current prose has gone into history (it was too tall to keep live, or it is over) */
  committed: boolean;
  /** counts steps across runs: a new value restarts the typewriter */
  stepNo: number;
}

/** A run picked up from a save (`--continue`, `--load`, the Continue prompt), with what to say about it. */
export interface Resume {
  run: Run;
  /** what loading found, when the player must hear it (the story changed since the save) */
  notice: string | null;
  /** how to name it: `the last run`, `'slot'` */
  label: string;
}

function append(session: Session, ...items: NewItem[]): Session {
  let nextId = session.nextId;
  const added = items.map((item) => ({ ...item, id: nextId++ }) as HistoryItem);
  return { ...session, history: [...session.history, ...added], nextId };
}

/** A new run; `previous` carries the history of earlier runs in this sitting. */
export function openSession(story: Story, start: RunStart, previous?: Session, showNote = false): Session {
  const step = startGame(story, { seed: start.seed, from: start.from, set: start.set });
  const base: Session = {
    story,
    start,
    step,
    before: null,
    window: nextDeadlineWindow(null, readMeters(story, step.state)),
    history: previous?.history ?? [],
    nextId: previous?.nextId ?? 0,
    committed: false,
    stepNo: (previous?.stepNo ?? 0) + 1,
  };
  return append(base, {
    kind: 'title',
    title: stripControl(story.title),
    seed: start.seed,
    note: showNote && story.note ? stripControl(story.note) : null,
  });
}

/** The run in play, as saves and the branch map keep it. */
export function runOf(session: Session): Run {
  return { start: session.start, taken: session.step.state.taken };
}

/**
 * Moves the session to another run of the same story (undo, a branch, a load): replays it
 * and says so in history. History is printed once and stays; the notice tells the story.
 */
const NOTICE_LENGTH = 500;

export function moveSession(session: Session, run: Run, notice: string): Session {
  const replayed = replayRun(session.story, run);
  const committed = commitScene(session);
  // a notice may quote a save (a slot name, a choice id): one safe line, as both players show it
  const moved = append(committed, { kind: 'notice', text: safeLine(notice, NOTICE_LENGTH) });
  const previous = replayed.steps.length > 1 ? replayed.steps[replayed.steps.length - 2]!.state : null;
  return {
    ...moved,
    start: run.start,
    step: replayed.step,
    before: previous,
    window: nextDeadlineWindow(null, readMeters(session.story, replayed.step.state)),
    committed: false,
    stepNo: session.stepNo + 1,
  };
}

/** Undoes the last choice; a string says why it could not. */
export function undoSession(session: Session): Session | string {
  const { taken } = session.step.state;
  if (taken.length === 0) return 'Nothing to undo: this is the start of the run.';
  const back = undoRun(runOf(session));
  const state = replayRun(session.story, back, false).step.state;
  const undone = listChoices(session.story, state).find((choice) => choice.id === taken[taken.length - 1]);
  const what = undone ? `: ${stripControl(undone.label)}` : '';
  return moveSession(session, back, `\u21b6 Undone${what}`);
}

/** Picks up a saved run (continue or load) in a sitting that may already have history. */
export function resumeSession(story: Story, run: Run, notice: string, previous?: Session): Session {
  const opened = openSession(story, run.start, previous);
  return moveSession({ ...opened, committed: true }, run, notice);
}

/** What a player is told on picking up a saved run. */
export function continueNotice(resume: Resume): string {
  const count = plural(resume.run.taken.length, 'choice');
  return `Continuing ${resume.label}: ${count} in.${resume.notice ? ` ${resume.notice}` : ''}`;
}

/** Where a saved run stands, in a line: for the Continue / New game prompt. */
export function resumeLine(story: Story, resume: Resume): string {
  const { state } = replayRun(story, resume.run, false).step;
  const count = plural(resume.run.taken.length, 'choice');
  return `${formatWeekTime(state.clock)} in ${state.scene}, ${count} in (seed ${resume.run.start.seed})`;
}

/** Picks up a saved run, saying so. */
export function continueSession(story: Story, resume: Resume, previous?: Session): Session {
  return resumeSession(story, resume.run, continueNotice(resume), previous);
}

/** Moves to a run loaded from the slot `name`. */
export function loadIntoSession(session: Session, name: string, loaded: { run: Run; notice: string | null }): Session {
  return moveSession(session, loaded.run, `Loaded '${safeLine(name, 40)}'.${loaded.notice ? ` ${loaded.notice}` : ''}`);
}

/**
 * Goes back to decision `decision` (from 0, as the branch map numbers them) and takes its
 * `option`-th other choice (from 0) instead; a string says why it could not.
 */
export function branchSession(session: Session, decision: number, option: number): Session | string {
  const point = branchMap(session.story, runOf(session))[decision];
  const choice = point?.others[option];
  if (!point || !choice) return 'There is no such option there.';
  if (!choice.available) return `That way was locked then: ${stripControl(choice.reason ?? '')}`;
  const run = branchRun(runOf(session), point.index, choice.id);
  return moveSession(session, run, `\u21aa Back to ${point.clock}: ${stripControl(choice.label)}`);
}

/** The history items added after the one numbered `after` (-1 for all). */
export function historyAfter(session: Session, after: number): HistoryItem[] {
  return session.history.filter((item) => item.id > after);
}

/** What the last choice moved on the meters ("Debt +2,000 kr · 2 h 30 m"), or '' at a run's start. */
export function movedByLast(session: Session): string {
  return session.before
    ? formatDeltas(meterDeltas(session.story, session.before, session.step.state), moneyMeter(session.story))
    : '';
}

type Offered = { all: ChoiceView[]; open: ChoiceView[] };
// Working out real costs plays each choice ahead; keys and redraws ask again for the same state.
const offeredAt = new WeakMap<GameState, Offered>();

/** The choices at the current point with what each really costs, and the open ones the player numbers from 1. */
export function choicesOf(session: Session): Offered {
  const state = session.step.state;
  const known = offeredAt.get(state);
  if (known) return known;
  const all = withRealCosts(session.story, state, listChoices(session.story, state));
  const offered = { all, open: all.filter((choice) => choice.available) };
  offeredAt.set(state, offered);
  return offered;
}

/** Takes the n-th open choice (from 0); a string says why it could not be taken. */
export function chooseOpen(session: Session, index: number): Session | string {
  const { open } = choicesOf(session);
  const choice = open[index];
  if (!choice) return open.length ? `Pick a number from 1 to ${open.length}.` : 'There is no way on from here.';
  const result = takeChoice(session.story, session.step.state, choice.id);
  if (!result.ok) return result.reason;
  const before = session.step.state;
  const moved = formatDeltas(meterDeltas(session.story, before, result.state), moneyMeter(session.story));
  const finished = session.committed
    ? session
    : append(session, { kind: 'scene', paragraphs: session.step.paragraphs });
  const next = append(finished, { kind: 'pick', label: stripControl(choice.label), moved });
  return {
    ...next,
    step: result.trace
      ? { state: result.state, paragraphs: result.paragraphs, trace: result.trace }
      : { state: result.state, paragraphs: result.paragraphs },
    before,
    window: nextDeadlineWindow(session.window, readMeters(session.story, result.state)),
    committed: false,
    stepNo: session.stepNo + 1,
  };
}

/** Plays `--choices` numbers (from 1) without animation; stops at the first that does not fit. */
export function playScripted(session: Session, numbers: number[]): Session {
  let current = session;
  for (const n of numbers) {
    if (current.step.state.ending) break;
    const next = chooseOpen(current, n - 1);
    if (typeof next === 'string')
      return append(current, { kind: 'notice', text: `--choices: ${n} is not open here. ${next}` });
    current = next;
  }
  return current;
}

/** Moves the live prose into history: it stays on screen but is no longer redrawn. */
export function commitScene(session: Session): Session {
  if (session.committed) return session;
  const withScene = session.step.paragraphs.length
    ? append(session, { kind: 'scene', paragraphs: session.step.paragraphs })
    : session;
  return { ...withScene, committed: true };
}

/** At an ending, the prose and the run's summary become history. */
export function closeRun(session: Session): Session {
  const committed = commitScene(session);
  if (committed.history.some((item) => item.kind === 'ending' && item.state === session.step.state)) return committed;
  return append(committed, { kind: 'ending', state: session.step.state, start: session.start });
}
