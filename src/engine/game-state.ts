import type { Value } from '../story/types.js';

/**
 * Everything a run is, as plain JSON-serialisable data. Transitions never mutate a
 * state: they return a new one.
 */
export interface GameState {
  seed: number;
  /** the scene the player is in: a choice point, or an ending */
  scene: string;
  /** minutes since Monday 00:00 */
  clock: number;
  vars: Record<string, Value>;
  /** the deadline value whose event has fired, so it fires once per deadline */
  deadlineFired: number | null;
  /** how many times each scene was entered, by scene number (see scene-visits.ts); keys the chance draws */
  visits: number[];
  /** the ids of the choices taken, in order: with the seed, this replays the run */
  taken: string[];
  /** the ending reached, or null while the game goes on */
  ending: string | null;
  /** where each tunnel the run is in returns to, innermost last (`-> t -> next` pushes next) */
  returns: string[];
}

/** A scene a transition passed through, with the values it met there: for `--debug`. */
export interface TraceEntry {
  scene: string;
  clock: number;
  vars: Record<string, Value>;
  /** the tunnel return stack on entering */
  returns: string[];
  /** how the scene was left: a jump or chance, an event, or staying (a choice point or an ending) */
  via: 'entered' | 'event';
}

/** What one transition showed the player. */
export interface Step {
  state: GameState;
  /** the paragraphs of prose produced, in order, already interpolated and made safe to print */
  paragraphs: string[];
  /** every scene entered on the way, jumps and events included (only when prose is rendered) */
  trace?: TraceEntry[];
}

/** A choice as the player sees it at a choice point. */
export interface ChoiceView {
  id: string;
  label: string;
  /** minutes */
  cost: number;
  /** false when locked */
  available: boolean;
  /** why it is locked */
  reason: string | null;
  /** the line taking it writes in the ending's ledger, when the story marks it (`ledger TEXT`) */
  ledger?: string;
  /** what taking it would really cost from here, when a tool worked it out (tools/real-cost.ts) */
  realCost?: RealCost;
}

/** The time a whole transition takes, from a choice to the next choice point, over every chance outcome. */
export interface RealCost {
  /** the clock at the choice point */
  start: number;
  /** minutes, least and most */
  min: number;
  max: number;
  /** when every outcome rests at a fixed hour (a `wait until`), the earliest and latest clock it ends at */
  until: { from: number; to: number } | null;
  /** whether the current deadline passes (its event fires) in none, some or all of the outcomes */
  deadline: 'never' | 'maybe' | 'always';
}

/**
 * What a transition did with the clock, recorded when a tool asks (real costs, check's
 * warnings); play never does.
 */
export interface TransitionTrace {
  /** the first event that took the run away from where it was going, when, and whether it said a word */
  takeover: { clock: number; event: string; spoke: boolean } | null;
  /** a `wait until` (or an `[until]` cost) moved the clock: the run rests at a fixed hour, not a duration on */
  pinned: boolean;
}

/** Picks a branch of a chance draw: the seeded draw in play, every branch in turn when exploring. */
export type ChanceChooser = (percents: number[], key: ChanceKey) => number;

export interface ChanceKey {
  seed: number;
  /** the scene, choice or event the draw sits in */
  container: string;
  /** how many times the scene had been entered */
  visit: number;
  /** which draw of that container */
  ordinal: number;
  /** the scene each branch leads to, so tools can name the branch taken */
  targets?: readonly string[];
}
