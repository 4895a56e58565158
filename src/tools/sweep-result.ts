// What a state sweep is asked and what it gives: shared by the compiled sweep and the engine's.
import type { Fraction } from './fraction.js';
export interface SweepOptions {
  maxStates: number;
  /** keep each state's shortest path (for check's problems): 16 bytes per state */
  paths?: boolean;
  /** let route counts and probabilities flow forward to the endings (for fates) */
  odds?: boolean;
  /** keep the probabilities as exact fractions as well as doubles (default true) */
  exact?: boolean;
  /** asked every 1,024 states, with how far the sweep has come; true stops it, incomplete */
  stop?: (progress: SweepProgress) => boolean;
}

export interface SweepProgress {
  /** the clock being swept: every state before it is done */
  clock: number;
  /** states found so far, and how many of them wait to be swept */
  states: number;
  waiting: number;
}

/** Route counts and probabilities per way out: each ending in endingIds order, then dead ends. */
export interface SweepOdds {
  routes: bigint[];
  /** exact probabilities, or null when they were not kept */
  exact: Fraction[] | null;
  /** the probabilities as doubles, each within errorBound of the truth */
  approx: number[];
  errorBound: number;
}

export interface SweepResult {
  complete: boolean;
  states: number;
  /** 'compiled' (compiled-story.ts) or 'engine' (a construct it does not know: explore-states.ts) */
  via: 'compiled' | 'engine';
  scenesEntered: Set<string>;
  /** for each choice, a state where it was open, and one where it was not (state numbers) */
  firstOpen: Map<string, number>;
  firstClosed: Map<string, number>;
  /** states where no choice is open: a story bug */
  deadEnds: Array<{ state: number; scene: string }>;
  endingsReached: Set<string>;
  statesByScene: Map<string, number>;
  /** the most states waiting at once: the widest slice of the story */
  widest: number;
  /** moves followed (each choice's every chance outcome from every state) */
  moves: number;
  /** a shortest path of choices to a state (needs `paths`) */
  pathTo(state: number): string[];
  /** how many moves the shortest path to a state takes (needs `paths`) */
  depthOf(state: number): number;
  odds: SweepOdds | null;
}
