import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { startGame } from '../engine/start-game.js';
import { takeChoice } from '../engine/take-choice.js';
import { indexDraw, unitDraw } from '../engine/seeded-draw.js';
import { gameSeed } from './random-runs.js';
import { exploreStates, movesTo } from './explore-states.js';
import { jumpTargets, mayReturn } from '../story/walk-statements.js';
import { returnTargets } from '../story/tunnels.js';
import { namesRead } from '../story/expression/names-read.js';
import { emptyCoverage, mergeCoverage, noteArrival, noteChoices, type Coverage } from './coverage.js';
import { recordingChooser, type Move, type Witness } from './witness-run.js';

export interface SearchOptions {
  /** what earlier runs showed: the search looks only for the rest */
  known?: Coverage;
  /**
   * how many states the probes may walk in all (default 300,000). check passes its
   * --max-states, so one limit bounds both its walk and the search's probes.
   */
  probeStates?: number;
}

/** What the search showed, and how many walks it played: it stops early once nothing is missing. */
export type SearchResult = Coverage & { walks: number };

/** A place worth returning to: a state, the run that reached it, and how often we went back. */
interface Cell {
  state: GameState;
  start: number[];
  path: Move[];
  chosen: number;
}

// How often a walk takes a choice no walk has taken yet, when one is open.
const NOVELTY = 0.75;
// How often a walk starts a fresh game (new seed, new chance) instead of leaving from the archive.
const FRESH_START = 0.3;
const WALK_LENGTH = 40;
const DAWDLE_EVERY = 50;

const GREEDY = 0.5;
const RETARGET_EVERY = 100;

/** Small numbers exactly; larger ones in 1-2-5 bands, so money and debt fall into a few. */
function band(value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Math.abs(value) <= 10) return String(value);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const lead = Math.abs(value) / 10 ** magnitude;
  return `${Math.sign(value) * magnitude}${lead >= 5 ? 'c' : lead >= 2 ? 'b' : 'a'}`;
}

/** Every scene's successors in the story's graph: choices, jumps, chance and events. */
function sceneGraph(story: Story): Map<string, string[]> {
  const eventTargets = [story.timeout.target, ...story.events.flatMap((event) => jumpTargets(event.body))];
  const graph = new Map<string, string[]>();
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    const next = [...jumpTargets(scene.body), ...eventTargets];
    for (const choice of scene.choices) {
      if (choice.target) next.push(choice.target);
      for (const target of jumpTargets(choice.body)) next.push(target);
    }
    for (const target of returnTargets(story, id)) next.push(target);
    graph.set(id, next);
  }
  return graph;
}

/** Steps from each scene to the nearest goal scene (breadth first over reversed edges). */
function distancesTo(goals: Set<string>, graph: Map<string, string[]>): Map<string, number> {
  const reverse = new Map<string, string[]>();
  for (const [from, targets] of graph)
    for (const to of targets) (reverse.get(to) ?? reverse.set(to, []).get(to)!).push(from);
  const distance = new Map<string, number>();
  const queue = [...goals];
  for (const goal of goals) distance.set(goal, 0);
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    for (const from of reverse.get(at) ?? []) {
      if (distance.has(from)) continue;
      distance.set(from, distance.get(at)! + 1);
      queue.push(from);
    }
  }
  return distance;
}

/**
 * Searches for runs that reach every scene and ending and find every choice open and shut,
 * in the manner of Go-Explore: an archive keeps one state per (scene, rough values) cell;
 * each walk either starts a fresh seeded game or returns to a rarely chosen cell, then plays
 * on preferring choices nobody has taken; what the walks miss, bounded exhaustive probes
 * look for. Every entry it records is a concrete run the engine played, every chance draw
 * written down: a witness, never an estimate.
 */
export function searchWitnesses(story: Story, walks: number, seed: number, options: SearchOptions = {}): SearchResult {
  const known = options.known ?? emptyCoverage();
  const coverage = emptyCoverage();
  mergeCoverage(coverage, known);
  const everTaken = new Set<string>();
  const archive = new Map<string, Cell>();
  const cells: Cell[] = [];
  const graph = sceneGraph(story);
  const choiceScene = new Map(
    story.sceneOrder.flatMap((id) => story.scenes[id]!.choices.map((choice) => [choice.id, id] as const)),
  );
  let distance = new Map<string, number>();
  let wanted = new Set<string>();
  const far = (scene: string) => distance.get(scene) ?? Number.MAX_SAFE_INTEGER;
  // Nearer a goal is better; among equals, a state holding more of what the shut doors ask for.
  let wantedList: string[] = [];
  const score = (state: GameState) => {
    let held = 0;
    for (const name of wantedList) if (state.vars[name]) held++;
    return far(state.scene) * 4 - held;
  };
  // The goals: scenes not reached yet, and scenes whose choices were never seen open.
  const retarget = () => {
    const goals = new Set(story.sceneOrder.filter((id) => !coverage.scenes.has(id)));
    for (const [choice, scene] of choiceScene) if (!coverage.open.has(choice)) goals.add(scene);
    distance = distancesTo(goals, graph);
    wanted = new Set();
    for (const [choice, scene] of choiceScene) {
      if (coverage.open.has(choice)) continue;
      const gate = story.scenes[scene]!.choices.find((candidate) => candidate.id === choice)!;
      for (const cond of [...gate.hiddenUnless, ...gate.lockedUnless.map((lock) => lock.cond)]) namesRead(cond, wanted);
    }
    wantedList = [...wanted].filter((name) => name !== 'clock' && name !== 'day' && name !== 'hour');
  };

  const remember = (state: GameState, start: number[], path: Move[]) => {
    if (state.ending) return;
    const key = [state.scene, ...story.varOrder.map((name) => band(state.vars[name]!))].join('|');
    if (archive.has(key)) return;
    const cell = { state, start, path, chosen: 0 };
    archive.set(key, cell);
    cells.push(cell);
  };

  let played = 0;
  for (let walk = 0; walk < walks; walk++) {
    // Doors seen shut only count gates; once every scene, ending and open door is shown, stop.
    if (walk % RETARGET_EVERY === 0) {
      if (!somethingMissing(story, coverage)) break;
      retarget();
    }
    played++;
    let state: GameState;
    let start: number[];
    let path: Move[];
    if (cells.length === 0 || unitDraw(seed, 'fresh', walk) < FRESH_START) {
      start = [];
      state = startGame(story, { seed: gameSeed(seed, walk), choose: recordingChooser(start), render: false }).state;
      path = [];
    } else {
      // Sample a few cells; keep the one nearest a goal, then the one least returned to.
      let cell = cells[indexDraw(cells.length, seed, 'cell', walk, 0)]!;
      for (let k = 1; k < 8; k++) {
        const other = cells[indexDraw(cells.length, seed, 'cell', walk, k)]!;
        const nearer = score(other.state) - score(cell.state);
        if (nearer < 0 || (nearer === 0 && other.chosen < cell.chosen)) cell = other;
      }
      cell.chosen++;
      state = cell.state;
      start = cell.start;
      path = cell.path;
    }
    const witness = (): Witness => ({ seed: state.seed, start, moves: path });
    noteArrival(story, coverage, state, witness);
    // Now and then a walk dawdles: always the slowest open choice, to the end. It is how the
    // week's own ending (the @timeout) is reached, which no goal distance points towards.
    const dawdle = walk % DAWDLE_EVERY === DAWDLE_EVERY - 1;
    for (let step = 0; (dawdle || step < WALK_LENGTH) && !state.ending; step++) {
      const open = noteChoices(story, coverage, state, witness);
      if (open.length === 0) {
        coverage.stuck.push(witness());
        break;
      }
      const fresh = open.filter((id) => !everTaken.has(id));
      const roll = unitDraw(seed, 'novel', walk, step);
      let pool = open;
      if (dawdle) {
        // The slowest choice that does not walk straight into an ending.
        const choiceOf = (id: string) => story.scenes[state.scene]!.choices.find((candidate) => candidate.id === id)!;
        const lingering = open.filter((id) => !story.scenes[choiceOf(id).target ?? '']?.ending);
        const candidates = lingering.length ? lingering : open;
        const slowest = candidates.reduce((most, id) => Math.max(most, choiceOf(id).cost), 0);
        pool = candidates.filter((id) => choiceOf(id).cost === slowest);
      } else if (roll < GREEDY) {
        // Toward the nearest goal, judged by where each choice leads.
        const reach = (id: string) => {
          const choice = story.scenes[state.scene]!.choices.find((candidate) => candidate.id === id)!;
          // A `->->` leads wherever the tunnel's callers go on.
          const back = mayReturn(choice.body) ? returnTargets(story, state.scene) : [];
          const targets = [choice.target, ...jumpTargets(choice.body), ...back].filter((t): t is string => Boolean(t));
          return targets.reduce((least, target) => Math.min(least, far(target)), Infinity);
        };
        const best = open.reduce((least, id) => Math.min(least, reach(id)), Infinity);
        pool = open.filter((id) => reach(id) === best);
      } else if (fresh.length > 0 && roll < GREEDY + NOVELTY * (1 - GREEDY)) pool = fresh;
      const pick = pool[indexDraw(pool.length, seed, 'pick', walk, step)]!;
      const picks: number[] = [];
      const result = takeChoice(story, state, pick, { choose: recordingChooser(picks), render: false });
      if (!result.ok) break;
      everTaken.add(pick);
      state = result.state;
      path = [...path, { choice: pick, picks }];
      noteArrival(story, coverage, state, witness);
      remember(state, start, path);
    }
  }
  probeNearGoals(story, coverage, cells, retarget, far, seed, options.probeStates ?? PROBE_CELLS * PROBE_STATES);
  return { ...coverage, walks: played };
}

/** A scene or ending not reached yet, or a choice never seen open. */
function somethingMissing(story: Story, coverage: Coverage): boolean {
  return story.sceneOrder.some(
    (id) => !coverage.scenes.has(id) || story.scenes[id]!.choices.some((choice) => !coverage.open.has(choice.id)),
  );
}

const PROBE_CELLS = 12;
const PROBE_STATES = 25_000;

/**
 * What the walks missed is often a narrow door: a flag from one errand and money from
 * another, a day apart. From archived states at several distances before the missing
 * goals, walk every reachable state exhaustively (bounded), every chance outcome included:
 * what that walk reaches is reachable, so it counts as shown, with its path.
 */
function probeNearGoals(
  story: Story,
  coverage: Coverage,
  cells: Cell[],
  retarget: () => void,
  far: (scene: string) => number,
  seed: number,
  budget: number,
): void {
  let left = budget;
  for (let probe = 0; probe < PROBE_CELLS && left > 0 && somethingMissing(story, coverage); probe++) {
    retarget();
    const candidates = cells.filter(
      (cell) => Number.isFinite(far(cell.state.scene)) && far(cell.state.scene) < Number.MAX_SAFE_INTEGER,
    );
    if (candidates.length === 0) return;
    candidates.sort((a, b) => far(a.state.scene) - far(b.state.scene));
    // Spread the probes from near the goals to far before them.
    const at = Math.min(
      candidates.length - 1,
      Math.floor(((probe % 4) / 4 + indexDraw(8, seed, 'probe', probe) / 32) * candidates.length),
    );
    const cell = candidates[at]!;
    const exploration = exploreStates(story, Math.min(PROBE_STATES, left), cell.state);
    left -= exploration.nodes.length;
    // A probe follows every chance outcome, so its moves carry the branches they drew.
    const shown = (node: number): Witness => ({
      seed: cell.state.seed,
      start: cell.start,
      moves: [...cell.path, ...movesTo(exploration, node).map(({ choice, picks }) => ({ choice, picks }))],
    });
    const firstNodeAt = new Map<string, number>();
    exploration.nodes.forEach((node, index) => {
      if (!firstNodeAt.has(node.scene)) firstNodeAt.set(node.scene, index);
      if (node.ending && !coverage.endings.has(node.ending)) coverage.endings.set(node.ending, shown(index));
    });
    for (const scene of exploration.scenesEntered) {
      if (!coverage.scenes.has(scene)) coverage.scenes.set(scene, shown(firstNodeAt.get(scene) ?? 0));
    }
    for (const [choice, node] of exploration.firstOpen)
      if (!coverage.open.has(choice)) coverage.open.set(choice, shown(node));
    for (const [choice, node] of exploration.firstClosed)
      if (!coverage.closed.has(choice)) coverage.closed.set(choice, shown(node));
  }
}
