import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { startGame } from '../engine/start-game.js';
import { takeChoice } from '../engine/take-choice.js';
import { choiceStatus } from '../engine/list-choices.js';
import { enumerateOutcomes } from './enumerate-outcomes.js';
import { stateKeyer } from './state-key.js';

/** A move in the state graph: a choice and how its chance draws fell. */
export interface Edge {
  choice: string;
  /** percentages of the chance draws taken (their product / 100^n is the odds) */
  percents: number[];
  picks: number[];
  to: number;
}

export interface StateNode {
  state: GameState;
  /** the node this one was first reached from (-1 for an opening state) */
  parent: number;
  /** the edge from the parent, for the shortest path */
  via: Omit<Edge, 'to'> | null;
  edges: Edge[];
  /** choices at this node by status */
  open: string[];
  closed: string[];
}

export interface Exploration {
  nodes: StateNode[];
  /** the opening states, with the chance draws of the first scene */
  roots: Array<{ node: number; percents: number[]; picks: number[] }>;
  /** false when the state limit stopped the search */
  complete: boolean;
  /** every scene entered on any explored path */
  scenesEntered: Set<string>;
}

/**
 * Walks every reachable state breadth first, every chance outcome included, merging
 * states that play the same. Breadth first makes each node's parent chain a shortest
 * path in choices. Since every choice costs time, the graph has no cycles and ends.
 */
export function exploreStates(story: Story, maxStates: number): Exploration {
  const nodes: StateNode[] = [];
  const index = new Map<string, number>();
  const scenesEntered = new Set<string>();
  const stateKey = stateKeyer(story);
  let complete = true;

  const intern = (state: GameState, parent: number, via: StateNode['via']): number | null => {
    for (const scene of Object.keys(state.visits)) scenesEntered.add(scene);
    const key = stateKey(state);
    const known = index.get(key);
    if (known !== undefined) return known;
    if (nodes.length >= maxStates) {
      complete = false;
      return null;
    }
    // Visits do not shape what follows and would hold memory for every node.
    const slim: GameState = { ...state, visits: {}, taken: [] };
    nodes.push({ state: slim, parent, via, edges: [], open: [], closed: [] });
    index.set(key, nodes.length - 1);
    return nodes.length - 1;
  };

  const roots: Exploration['roots'] = [];
  for (const outcome of enumerateOutcomes((choose) => startGame(story, { seed: 0, choose, render: false }))) {
    const node = intern(outcome.result.state, -1, null);
    if (node !== null && !roots.some((root) => root.node === node && root.picks.join() === outcome.picks.join())) {
      roots.push({ node, percents: outcome.percents, picks: outcome.picks });
    }
  }

  for (let current = 0; current < nodes.length && complete; current++) {
    const node = nodes[current]!;
    if (node.state.ending) continue;
    const scene = story.scenes[node.state.scene]!;
    for (const choice of scene.choices) {
      const status = choiceStatus(story, node.state, choice);
      if (status !== 'open') {
        node.closed.push(choice.id);
        continue;
      }
      node.open.push(choice.id);
      const outcomes = enumerateOutcomes((choose) => takeChoice(story, node.state, choice.id, { choose, render: false }));
      for (const outcome of outcomes) {
        if (!outcome.result.ok) continue;
        const via = { choice: choice.id, percents: outcome.percents, picks: outcome.picks };
        const to = intern(outcome.result.state, current, via);
        if (to === null) break;
        node.edges.push({ ...via, to });
      }
      if (!complete) break;
    }
  }
  return { nodes, roots, complete, scenesEntered };
}

/** The shortest list of moves from an opening state to `node`, readable: `choice_id` or `choice_id (chance 2/3)`. */
export function pathTo(exploration: Exploration, node: number): string[] {
  const path: string[] = [];
  for (let at = node; at >= 0; at = exploration.nodes[at]!.parent) {
    const via = exploration.nodes[at]!.via;
    if (!via) break;
    path.push(via.picks.length ? `${via.choice} (chance: ${via.percents.map((p) => `${p}%`).join(', ')})` : via.choice);
  }
  return path.reverse();
}
