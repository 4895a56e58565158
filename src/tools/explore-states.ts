import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { startGame } from '../engine/start-game.js';
import { takeChoice } from '../engine/take-choice.js';
import { choiceStatus } from '../engine/list-choices.js';
import { enumerateOutcomes } from './enumerate-outcomes.js';
import { historyTrimmer, stateKeyer } from './state-key.js';
import { noVisits, scenesEntered as scenesEnteredBy } from '../engine/scene-visits.js';

/** A move in the state graph: a choice and how its chance draws fell. */
export interface Edge {
  choice: string;
  /** percentages of the chance draws taken (their product / 100^n is the odds) */
  percents: number[];
  picks: number[];
  /** the scene each chance branch taken leads to */
  branches?: string[];
  to: number;
}

export interface StateNode {
  scene: string;
  ending: string | null;
  /** the node this one was first reached from (-1 for an opening state) */
  parent: number;
  /** the edge from the parent, for the shortest path */
  via: Omit<Edge, 'to'> | null;
  edges: Edge[];
}

export interface Exploration {
  nodes: StateNode[];
  /** the opening states, with the chance draws of the first scene */
  roots: Array<{ node: number; percents: number[]; picks: number[] }>;
  /** false when the state limit stopped the search */
  complete: boolean;
  /** every scene entered on any explored path */
  scenesEntered: Set<string>;
  /** for each choice, the first node where it was open, and the first where it was not */
  firstOpen: Map<string, number>;
  firstClosed: Map<string, number>;
  /** nodes that are not endings and have no open choice */
  deadEnds: number[];
}

const NO_DRAWS: number[] = [];

/**
 * Walks every reachable state, every chance outcome included, merging states that play
 * the same (see state-key.ts). The walk is depth first, so only the states along the
 * current path wait in memory; a breadth-first pass over the finished graph then gives
 * each node a shortest path in choices. Every choice costs time and the week ends, so
 * the graph has no cycles and the walk ends.
 */
export function exploreStates(story: Story, maxStates: number, from?: GameState): Exploration {
  const nodes: StateNode[] = [];
  const waiting = new Map<number, GameState>();
  const index = new Map<string, number>();
  const scenesEntered = new Set<string>();
  const firstOpen = new Map<string, number>();
  const firstClosed = new Map<string, number>();
  const deadEnds: number[] = [];
  const stateKey = stateKeyer(story);
  const stack: number[] = [];
  const NO_VISITS = noVisits(story);
  const trim = historyTrimmer(story, NO_VISITS);
  let complete = true;

  const intern = (state: GameState): number | null => {
    for (const scene of scenesEnteredBy(story, state)) scenesEntered.add(scene);
    const key = stateKey(state);
    const known = index.get(key);
    if (known !== undefined) return known;
    if (nodes.length >= maxStates) {
      complete = false;
      return null;
    }
    nodes.push({ scene: state.scene, ending: state.ending, parent: -1, via: null, edges: [] });
    const id = nodes.length - 1;
    index.set(key, id);
    if (!state.ending) {
      // Visits only key seeded draws and varied text, unless the story reads them: keep only what it reads.
      waiting.set(id, trim(state));
      stack.push(id);
    }
    return id;
  };

  const roots: Exploration['roots'] = [];
  const openings = from
    ? [{ result: trim(from), percents: NO_DRAWS, picks: NO_DRAWS }]
    : enumerateOutcomes((choose) => startGame(story, { seed: 0, choose, render: false }).state);
  for (const outcome of openings) {
    const node = intern(outcome.result);
    if (node !== null) roots.push({ node, percents: outcome.percents, picks: outcome.picks });
  }

  while (stack.length && complete) {
    const current = stack.pop()!;
    const node = nodes[current]!;
    const state = waiting.get(current)!;
    waiting.delete(current);
    let open = 0;
    for (const choice of story.scenes[node.scene]!.choices) {
      if (choiceStatus(story, state, choice) !== 'open') {
        if (!firstClosed.has(choice.id)) firstClosed.set(choice.id, current);
        continue;
      }
      open++;
      if (!firstOpen.has(choice.id)) firstOpen.set(choice.id, current);
      for (const outcome of enumerateOutcomes((choose) =>
        takeChoice(story, state, choice.id, { choose, render: false }),
      )) {
        if (!outcome.result.ok) continue;
        const drew = outcome.percents.length > 0;
        const to = intern(outcome.result.state);
        if (to === null) break;
        node.edges.push({
          choice: choice.id,
          percents: drew ? outcome.percents : NO_DRAWS,
          picks: drew ? outcome.picks : NO_DRAWS,
          ...(drew ? { branches: outcome.branches } : {}),
          to,
        });
      }
      if (!complete) break;
    }
    if (open === 0 && complete) deadEnds.push(current);
  }
  linkShortestPaths(nodes, roots);
  return { nodes, roots, complete, scenesEntered, firstOpen, firstClosed, deadEnds };
}

/** Breadth first from the opening states: each node's parent and move become a shortest path. */
function linkShortestPaths(nodes: StateNode[], roots: Exploration['roots']): void {
  const seen = new Uint8Array(nodes.length);
  const queue: number[] = [];
  for (const root of roots) {
    if (!seen[root.node]) {
      seen[root.node] = 1;
      queue.push(root.node);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head]!;
    for (const edge of nodes[from]!.edges) {
      if (seen[edge.to]) continue;
      seen[edge.to] = 1;
      const node = nodes[edge.to]!;
      node.parent = from;
      node.via = { choice: edge.choice, percents: edge.percents, picks: edge.picks, branches: edge.branches };
      queue.push(edge.to);
    }
  }
}

/** The moves of the shortest path from an opening state to `node`, in order. */
export function movesTo(exploration: Exploration, node: number): Array<Omit<Edge, 'to'>> {
  const moves: Array<Omit<Edge, 'to'>> = [];
  for (let at = node; at >= 0; at = exploration.nodes[at]!.parent) {
    const via = exploration.nodes[at]!.via;
    if (!via) break;
    moves.push(via);
  }
  return moves.reverse();
}

/** The shortest path to `node`, readable: `choice_id` or `choice_id (chance: 40% -> raided)`. */
export function pathTo(exploration: Exploration, node: number): string[] {
  return movesTo(exploration, node).map((move) =>
    move.picks.length
      ? `${move.choice} (chance: ${move.percents.map((p, i) => `${p}%${move.branches?.[i] ? ` -> ${move.branches[i]}` : ''}`).join(', ')})`
      : move.choice,
  );
}

/** How many moves the shortest path to `node` takes. */
export function depthOf(exploration: Exploration, node: number): number {
  let depth = 0;
  for (let at = node; at >= 0 && exploration.nodes[at]!.via; at = exploration.nodes[at]!.parent) depth++;
  return depth;
}
