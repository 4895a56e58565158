// Everything the App's screen holds, changed only through `reduceScreen`. Keys go through
// the reducer because React hands it the latest state: a key typed before the last frame
// was drawn still acts on what the game has become, not on what was on screen.
import type { KeyAction } from './keys.js';
import { choicesOf, chooseOpen, closeRun, commitScene, openSession, type RunStart, type Session } from './session.js';

export const EXIT_INTERRUPTED = 130;

export interface ScreenState {
  session: Session;
  /** the content note waits for a key before the first scene */
  noteOpen: boolean;
  overlay: 'none' | 'help' | 'quit';
  /** the highlighted choice, among the open ones */
  selected: number;
  message: string | null;
  /** set once the player leaves: the exit code */
  leaving: number | null;
  /** the step whose typing the player skipped */
  skipped: number;
  anim: boolean;
}

export type ScreenEvent =
  /** `typing` as drawn for step `stepNo`; `restart` is the run to start if the key asks for one */
  | { type: 'key'; action: KeyAction; typing: boolean; stepNo: number; restart: RunStart }
  | { type: 'commit' }
  | { type: 'close-run' }
  | { type: 'leave'; code: number };

export function initialScreen(session: Session, noteOpen: boolean, anim: boolean): ScreenState {
  return { session, noteOpen, overlay: 'none', selected: 0, message: null, leaving: null, skipped: 0, anim };
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
    case 'key':
      return onKey(state, event);
  }
}

function onKey(state: ScreenState, event: Extract<ScreenEvent, { type: 'key' }>): ScreenState {
  const { action } = event;
  const { session } = state;
  if (action.type === 'interrupt') return { ...state, leaving: EXIT_INTERRUPTED };
  if (state.noteOpen) return { ...state, noteOpen: false };
  if (state.overlay === 'quit') {
    if (action.type === 'yes' || action.type === 'quit') return { ...state, leaving: 0 };
    return { ...state, overlay: 'none' };
  }
  if (state.overlay === 'help') return { ...state, overlay: 'none' };
  // A key aimed at an older frame: if a new scene has started typing since, it only skips.
  const typing = event.stepNo === session.stepNo ? event.typing : state.anim && state.skipped !== session.stepNo;
  if (typing) return { ...state, skipped: session.stepNo };
  if (action.type === 'help') return { ...state, overlay: 'help' };

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

function pick(state: ScreenState, index: number): ScreenState {
  const next = chooseOpen(state.session, index);
  if (typeof next === 'string') return { ...state, message: next };
  return { ...state, session: next, selected: 0, message: null };
}
