import type { StateNode } from './explore-states.js';

/**
 * The explored nodes ordered so that every node comes after all the nodes its edges lead
 * to: the order in which values can flow back from the endings. Exploration is breadth
 * first, but merged states make a node's index no guide to its depth, so the order is
 * computed (an iterative depth-first post-order, safe for graphs of millions of nodes).
 * Every choice costs time, so the graph has no cycles; one would be an engine bug, and
 * throws rather than giving wrong numbers.
 */
export function childrenFirstOrder(nodes: ReadonlyArray<Pick<StateNode, 'edges'>>): number[] {
  const UNSEEN = 0;
  const OPEN = 1;
  const DONE = 2;
  const mark = new Uint8Array(nodes.length);
  const order: number[] = [];
  const stack: number[] = [];
  const nextEdge: number[] = new Array<number>(nodes.length).fill(0);
  for (let start = 0; start < nodes.length; start++) {
    if (mark[start] !== UNSEEN) continue;
    stack.push(start);
    mark[start] = OPEN;
    while (stack.length) {
      const at = stack[stack.length - 1]!;
      const edges = nodes[at]!.edges;
      const i = nextEdge[at]!;
      if (i < edges.length) {
        nextEdge[at] = i + 1;
        const to = edges[i]!.to;
        if (mark[to] === OPEN) throw new Error(`the state graph has a cycle through node ${to}`);
        if (mark[to] === UNSEEN) {
          mark[to] = OPEN;
          stack.push(to);
        }
      } else {
        stack.pop();
        mark[at] = DONE;
        order.push(at);
      }
    }
  }
  return order;
}
