import type { Story } from '../../story/types.js';
import type { GameState } from '../../engine/game-state.js';
import { startGame } from '../../engine/start-game.js';
import { takeChoice } from '../../engine/take-choice.js';
import { enumerateOutcomes } from '../enumerate-outcomes.js';
import { stateKeyer } from '../state-key.js';
import { scriptedChooser, type Witness } from '../witness-run.js';
import type { Coverage } from '../coverage.js';
import { ChoiceJudge, type PathOf } from './judge-choices.js';
import { unreadStateWarnings } from './unread-state.js';
import { compareWarnings, type Warning, type WarningsJudged } from './warning.js';

export interface WarningsReport {
  warnings: Warning[];
  judged: WarningsJudged;
}

/** Where the states to judge come from: every reachable state, or the runs a proof rests on. */
export type WarningSource =
  { kind: 'walk'; maxStates: number } | { kind: 'runs'; runs: readonly Witness[]; coverage?: Coverage | null };

/**
 * check's warnings. Those that need states (time-label, same-result, silent-interruption)
 * are judged on every reachable state when the story is small enough to walk, else on
 * every state along the runs of its proof (stored and searched witnesses); unread-state
 * is found by reading the story.
 */
export function collectWarnings(story: Story, source: WarningSource): WarningsReport {
  const judge = new ChoiceJudge(story);
  let judged: WarningsJudged;
  if (source.kind === 'walk') {
    const complete = walkAll(story, judge, source.maxStates);
    judged = { method: complete ? 'every-state' : 'some-states', states: judge.states, runs: 0, static: [] };
  } else {
    const runs = distinctRuns([...source.runs, ...witnessesOf(source.coverage)]);
    const seen: Judged = { keyOf: stateKeyer(story), seen: new Set() };
    for (const run of runs) judgeRun(story, judge, run, seen);
    judged = { method: 'runs', states: judge.states, runs: runs.length, static: [] };
  }
  judged.static = ['unread-state'];
  const warnings = [...judge.warnings(), ...unreadStateWarnings(story)].sort(compareWarnings);
  return { warnings, judged };
}

function describeMoves(moves: Array<{ choice: string; percents: number[] }>): string {
  if (moves.length === 0) return '(at the start)';
  return moves
    .map((move) =>
      move.percents.length ? `${move.choice} (chance: ${move.percents.map((p) => `${p}%`).join(', ')})` : move.choice,
    )
    .join(' > ');
}

// No scene entered: the engine reads a missing count as 0, and a short array is cheap to copy
// at every move (a packed array of zeros as long as the story is not).
const NO_VISITS: number[] = [];

/**
 * Breadth first over every reachable state (merged as exploration merges them), judging each:
 * the first place a warning shows is then at the end of a shortest path. False when the walk
 * stopped at maxStates.
 */
function walkAll(story: Story, judge: ChoiceJudge, maxStates: number): boolean {
  const keyOf = stateKeyer(story);
  const seen = new Set<string>();
  // How each state was first reached: the state before it (-1 for an opening) and the move.
  const parents: Array<{ parent: number; choice: string; percents: number[] }> = [];
  const queue: Array<GameState | null> = [];
  const pathTo =
    (node: number): PathOf =>
    () => {
      const moves = [];
      for (let at = node; parents[at]!.parent >= 0; at = parents[at]!.parent) moves.push(parents[at]!);
      return describeMoves(moves.reverse());
    };
  let complete = true;
  const intern = (state: GameState, parent: number, choice: string, percents: number[]) => {
    if (state.ending) return;
    const key = keyOf(state);
    if (seen.has(key)) return;
    if (parents.length >= maxStates) {
      complete = false;
      return;
    }
    seen.add(key);
    parents.push({ parent, choice, percents });
    // Visits only key seeded draws, which the judge enumerates; start each state afresh.
    queue.push({ ...state, visits: NO_VISITS, taken: [] });
  };
  for (const opening of enumerateOutcomes((choose) => startGame(story, { seed: 0, choose, render: false }).state))
    intern(opening.result, -1, '', []);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    queue[head] = null;
    for (const [choice, outcomes] of judge.judgeState(state, pathTo(head)))
      for (const outcome of outcomes) intern(outcome.state, head, choice.id, outcome.percents);
  }
  return complete;
}

interface Judged {
  keyOf: (state: GameState) => string;
  seen: Set<string>;
}

/** Replays a run through the engine, judging every state on the way that no run showed before. */
function judgeRun(story: Story, judge: ChoiceJudge, run: Witness, judged: Judged): void {
  const opening = scriptedChooser(run.start);
  let state = startGame(story, { seed: run.seed, choose: opening.choose, render: false }).state;
  for (let taken = 0; !state.ending; taken++) {
    const key = judged.keyOf(state);
    if (!judged.seen.has(key)) {
      judged.seen.add(key);
      const moves = run.moves.slice(0, taken).map((move) => move.choice);
      judge.judgeState(
        state,
        () => `--seed ${run.seed}, choices: ${moves.length ? moves.join(' > ') : '(at the start)'}`,
      );
    }
    const move = run.moves[taken];
    if (!move) return;
    const draws = scriptedChooser(move.picks);
    const result = takeChoice(story, state, move.choice, { choose: draws.choose, render: false });
    if (!result.ok || !draws.fits()) return;
    state = result.state;
  }
}

function witnessesOf(coverage: Coverage | null | undefined): Witness[] {
  if (!coverage) return [];
  return [
    ...coverage.scenes.values(),
    ...coverage.endings.values(),
    ...coverage.open.values(),
    ...coverage.closed.values(),
  ];
}

/**
 * The runs without repeats and without those that are the start of another (their states come
 * with the longer run): a trie of moves, longest runs first. Shortest first in the answer, so a
 * state is credited to the shortest run that shows it.
 */
function distinctRuns(runs: Witness[]): Witness[] {
  interface Node {
    next: Map<string, Node>;
  }
  const root: Node = { next: new Map() };
  const kept: Witness[] = [];
  for (const run of [...runs].sort((a, b) => b.moves.length - a.moves.length)) {
    let node = root;
    let isNew = false;
    for (const step of [JSON.stringify([run.seed, run.start]), ...run.moves.map((move) => JSON.stringify(move))]) {
      let child = node.next.get(step);
      if (!child) {
        node.next.set(step, (child = { next: new Map() }));
        isNew = true;
      }
      node = child;
    }
    if (isNew) kept.push(run);
  }
  return kept.reverse();
}
