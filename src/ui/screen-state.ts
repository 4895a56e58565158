// Everything the App's screen holds, changed only through `reduceScreen`. Keys go through
// the reducer because React hands it the latest state: a key typed before the last frame
// was drawn still acts on what the game has become, not on what was on screen. The reducer
// does no I/O: saving and loading are asked for through `pending`, done by the App, and
// their results come back as events.
import type { KeyAction } from './keys.js';
import {
  branchSession,
  choicesOf,
  chooseOpen,
  closeRun,
  commitScene,
  continueSession,
  loadIntoSession,
  openSession,
  runOf,
  undoSession,
  type Resume,
  type Session,
} from '../play/session.js';
import type { Run, RunStart } from '../engine/run.js';
import { branchMap } from '../play/branch-map.js';
import type { SlotRead } from '../save/save-store.js';
import { MAX_SLOT_LENGTH } from '../save/slot-name.js';

export const EXIT_INTERRUPTED = 130;

export type Overlay = 'none' | 'help' | 'quit' | 'continue' | 'branches' | 'endings' | 'saves';

export interface ScreenState {
  session: Session;
  overlay: Overlay;
  /** the highlighted choice, among the open ones */
  selected: number;
  message: string | null;
  /** set once the player leaves: the exit code */
  leaving: number | null;
  /** the step whose typing the player skipped */
  skipped: number;
  anim: boolean;
  /** the run offered by the Continue / New game prompt */
  offer: Resume | null;
  /** the branch map's cursor: a decision (index into the map) and one of its other options */
  branch: { decision: number; option: number };
  /** the save menu: the slots on disk (read by the App), the highlight, and a name being typed */
  saves: { slots: SlotRead[]; selected: number; naming: string | null };
  /** a save or load for the App to do */
  pending: { kind: 'save' | 'load'; name: string } | null;
}

export type ScreenEvent =
  /** `typing` as drawn for step `stepNo`; `restart` is the run to start if the key asks for one; `input` the raw text typed */
  | { type: 'key'; action: KeyAction; typing: boolean; stepNo: number; restart: RunStart; input?: string }
  | { type: 'commit' }
  | { type: 'close-run' }
  | { type: 'leave'; code: number }
  /** something the player must be told (a save that failed) */
  | { type: 'notice'; message: string }
  | { type: 'slots'; slots: SlotRead[] }
  | { type: 'saved'; message: string; slots: SlotRead[] }
  | {
      type: 'loaded';
      name: string;
      result: { ok: true; run: Run; notice: string | null } | { ok: false; problem: string };
    };

export function initialScreen(session: Session, anim: boolean, offer: Resume | null = null): ScreenState {
  return {
    session,
    overlay: offer ? 'continue' : 'none',
    selected: 0,
    message: null,
    leaving: null,
    skipped: 0,
    anim,
    offer,
    branch: { decision: 0, option: 0 },
    saves: { slots: [], selected: 0, naming: null },
    pending: null,
  };
}

export function reduceScreen(state: ScreenState, event: ScreenEvent): ScreenState {
  if (state.leaving !== null) return state;
  switch (event.type) {
    case 'commit':
      return { ...state, session: commitScene(state.session) };
    case 'close-run':
      return { ...state, session: closeRun(state.session) };
    case 'leave':
      return { ...state, leaving: event.code };
    case 'notice':
      return { ...state, message: event.message };
    case 'slots':
      return {
        ...state,
        saves: {
          ...state.saves,
          slots: event.slots,
          selected: Math.min(state.saves.selected, Math.max(0, event.slots.length - 1)),
        },
      };
    case 'saved':
      return {
        ...state,
        pending: null,
        message: event.message,
        saves: { slots: event.slots, selected: 0, naming: null },
        overlay: 'none',
      };
    case 'loaded':
      if (!event.result.ok) return { ...state, pending: null, message: event.result.problem };
      return { ...moved(state, loadIntoSession(state.session, event.name, event.result)), pending: null };
    case 'key':
      return onKey(state, event);
  }
}

/** The screen after the run moved (undo, branch, load): overlays closed, highlight reset. */
function moved(state: ScreenState, session: Session): ScreenState {
  return { ...state, session, overlay: 'none', selected: 0, message: null };
}

function onKey(state: ScreenState, event: Extract<ScreenEvent, { type: 'key' }>): ScreenState {
  const { action } = event;
  const { session } = state;
  if (action.type === 'interrupt') return { ...state, leaving: EXIT_INTERRUPTED };
  if (action.type === 'suspend') return state;
  if (state.overlay === 'continue') return onContinueKey(state, event);
  if (state.overlay === 'quit') {
    if (action.type === 'yes' || action.type === 'quit') return { ...state, leaving: 0 };
    return { ...state, overlay: 'none' };
  }
  if (state.overlay === 'help' || state.overlay === 'endings') return { ...state, overlay: 'none' };
  if (state.overlay === 'branches') return onBranchKey(state, action);
  if (state.overlay === 'saves') return onSavesKey(state, action, event.input ?? '');
  // A key aimed at an older frame: if a new scene has started typing since, it only skips.
  // Once skipped, the step is typed out: the next key of the same read acts.
  const typing = (event.stepNo === session.stepNo ? event.typing : state.anim) && state.skipped !== session.stepNo;
  if (typing) return { ...state, skipped: session.stepNo };
  if (action.type === 'help') return { ...state, overlay: 'help' };
  if (action.type === 'undo') {
    const next = undoSession(session);
    return typeof next === 'string' ? { ...state, message: next } : moved(state, next);
  }
  if (action.type === 'branches') {
    const decisions = branchMap(session.story, runOf(session));
    if (decisions.length === 0)
      return { ...state, message: 'No decisions yet: the branch map starts with your first choice.' };
    return { ...state, overlay: 'branches', branch: { decision: decisions.length - 1, option: 0 }, message: null };
  }
  if (action.type === 'endings') return { ...state, overlay: 'endings', message: null };
  if (action.type === 'saves')
    return { ...state, overlay: 'saves', saves: { ...state.saves, selected: 0, naming: null }, message: null };

  if (session.step.state.ending) {
    if (action.type === 'quit') return { ...state, leaving: 0 };
    if (action.type === 'restart' || action.type === 'enter') {
      const closed = closeRun(session);
      return { ...state, session: openSession(session.story, event.restart, closed), selected: 0, message: null };
    }
    return state;
  }
  if (action.type === 'quit') return { ...state, overlay: 'quit' };
  const open = Math.max(choicesOf(session).open.length, 1);
  if (action.type === 'up') return { ...state, selected: (state.selected + open - 1) % open };
  if (action.type === 'down') return { ...state, selected: (state.selected + 1) % open };
  if (action.type === 'digit') return pick(state, action.n - 1);
  if (action.type === 'enter') return pick(state, state.selected);
  return state;
}

function onContinueKey(state: ScreenState, event: Extract<ScreenEvent, { type: 'key' }>): ScreenState {
  const { action } = event;
  const offer = state.offer!;
  const chooseContinue =
    action.type === 'continue' ||
    action.type === 'yes' ||
    (action.type === 'enter' && state.selected === 0) ||
    (action.type === 'digit' && action.n === 1);
  const chooseNew =
    action.type === 'no' ||
    (action.type === 'enter' && state.selected === 1) ||
    (action.type === 'digit' && action.n === 2);
  if (action.type === 'up' || action.type === 'down') return { ...state, selected: state.selected === 0 ? 1 : 0 };
  if (action.type === 'quit') return { ...state, leaving: 0 };
  if (chooseContinue) {
    return {
      ...state,
      overlay: 'none',
      offer: null,
      selected: 0,
      session: continueSession(state.session.story, offer),
    };
  }
  if (chooseNew) {
    return { ...state, overlay: 'none', offer: null, selected: 0 };
  }
  return state;
}

function onBranchKey(state: ScreenState, action: KeyAction): ScreenState {
  const decisions = branchMap(state.session.story, runOf(state.session));
  const { decision, option } = state.branch;
  const options = decisions[decision]?.others.length ?? 0;
  switch (action.type) {
    case 'up':
      return { ...state, branch: { decision: Math.max(0, decision - 1), option: 0 } };
    case 'down':
      return { ...state, branch: { decision: Math.min(decisions.length - 1, decision + 1), option: 0 } };
    case 'left':
      return { ...state, branch: { decision, option: options ? (option + options - 1) % options : 0 } };
    case 'right':
      return { ...state, branch: { decision, option: options ? (option + 1) % options : 0 } };
    case 'digit':
      // a digit picks the option, as ←→ do; only Enter goes, so no key meant for the map
      // is ever read as a choice in the branch it opens
      if (action.n > options) return state;
      return { ...state, branch: { decision, option: action.n - 1 } };
    case 'enter':
      return takeBranch(state, decision, option);
    case 'no':
    case 'branches':
    case 'quit':
      return { ...state, overlay: 'none' };
    default:
      return state;
  }
}

function takeBranch(state: ScreenState, decision: number, option: number): ScreenState {
  const next = branchSession(state.session, decision, option);
  return typeof next === 'string' ? { ...state, message: next } : moved(state, next);
}

const NAME_CHAR = /^[A-Za-z0-9_-]$/;

function onSavesKey(state: ScreenState, action: KeyAction, input: string): ScreenState {
  const { saves } = state;
  if (saves.naming !== null) {
    if (action.type === 'enter') {
      if (!saves.naming) return { ...state, message: 'Type a name first (letters, digits, - and _).' };
      return { ...state, pending: { kind: 'save', name: saves.naming } };
    }
    if (action.type === 'undo' && input === '')
      return { ...state, saves: { ...saves, naming: saves.naming.slice(0, -1) } };
    if (NAME_CHAR.test(input)) {
      if (saves.naming.length >= MAX_SLOT_LENGTH)
        return { ...state, message: `A save name has at most ${MAX_SLOT_LENGTH} characters.` };
      return { ...state, message: null, saves: { ...saves, naming: saves.naming + input } };
    }
    if (action.type === 'no') return { ...state, message: null, saves: { ...saves, naming: null } };
    return state;
  }
  const count = saves.slots.length;
  switch (action.type) {
    case 'up':
      return { ...state, saves: { ...saves, selected: count ? (saves.selected + count - 1) % count : 0 } };
    case 'down':
      return { ...state, saves: { ...saves, selected: count ? (saves.selected + 1) % count : 0 } };
    case 'saves':
      return { ...state, message: null, saves: { ...saves, naming: '' } };
    case 'digit':
      return loadSlot(state, action.n - 1);
    case 'enter':
      return loadSlot(state, saves.selected);
    case 'no':
    case 'quit':
      return { ...state, overlay: 'none', message: null };
    default:
      return state;
  }
}

function loadSlot(state: ScreenState, index: number): ScreenState {
  const slot = state.saves.slots[index];
  if (!slot) return state;
  if (!slot.ok)
    return { ...state, message: `'${slot.name}' cannot be loaded: ${slot.problem}. The file is left as it is.` };
  return { ...state, pending: { kind: 'load', name: slot.name } };
}

function pick(state: ScreenState, index: number): ScreenState {
  const next = chooseOpen(state.session, index);
  if (typeof next === 'string') return { ...state, message: next };
  return { ...state, session: next, selected: 0, message: null };
}
