import type { SourcePos } from '../../story/types.js';

export type WarningKind = 'time-label' | 'same-result' | 'unread-state' | 'silent-interruption';

/**
 * Something a story does that it probably does not mean: it still ends, but it tells the
 * player less than the truth. `check` lists these apart from problems (--strict makes them
 * problems).
 */
export interface Warning {
  kind: WarningKind;
  file: string;
  line: number;
  col: number;
  message: string;
  /** a shortest run that shows it, readable (`--seed 3, choices: a > b`, or choice ids), when it helps */
  path?: string;
}

export function warningAt(kind: WarningKind, pos: SourcePos, message: string, path?: string): Warning {
  return { kind, file: pos.file, line: pos.line, col: pos.col, message, ...(path !== undefined ? { path } : {}) };
}

export function compareWarnings(a: Warning, b: Warning): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.kind.localeCompare(b.kind);
}

/** How far the warnings that need states looked: every reachable state, or the runs of a proof. */
export interface WarningsJudged {
  /** `every-state`: all reachable states; `runs`: every state along the proof's runs; `some-states`: a walk cut short */
  method: 'every-state' | 'runs' | 'some-states';
  states: number;
  runs: number;
  /** the warnings found by reading the story, not by playing it */
  static: WarningKind[];
}
