import type { Story } from '../story/types.js';
import { depthOf, exploreStates, pathTo as graphPathTo } from './explore-states.js';
import { computeFates } from './graph-fates.js';
import type { SweepOdds, SweepOptions, SweepResult } from './sweep-result.js';

/** The engine's own walk, for stories the compiler does not know: the same answers, slower. */
export function sweepByEngine(story: Story, options: SweepOptions): SweepResult {
  const exploration = exploreStates(story, options.maxStates);
  const statesByScene = new Map<string, number>();
  const endingsReached = new Set<string>();
  for (const node of exploration.nodes) {
    statesByScene.set(node.scene, (statesByScene.get(node.scene) ?? 0) + 1);
    if (node.ending) endingsReached.add(node.ending);
  }
  let odds: SweepOdds | null = null;
  if (options.odds && exploration.complete) {
    const report = computeFates(story, exploration);
    const fates = [...report.endings, report.stuck];
    // Worked out exactly; asked for doubles only, it gives them, off by at most the rounding
    // of one division each (far inside the bound a compiled sweep reports).
    odds = {
      routes: fates.map((fate) => fate.routes),
      exact: options.exact === false ? null : fates.map((fate) => fate.probability!),
      approx: fates.map((fate) => fate.percent / 100),
      errorBound: options.exact === false ? Number.EPSILON * 4 : 0,
    };
  }
  return {
    complete: exploration.complete,
    states: exploration.nodes.length,
    via: 'engine',
    scenesEntered: exploration.scenesEntered,
    firstOpen: exploration.firstOpen,
    firstClosed: exploration.firstClosed,
    deadEnds: exploration.deadEnds.map((state) => ({ state, scene: exploration.nodes[state]!.scene })),
    endingsReached,
    statesByScene,
    widest: exploration.nodes.length,
    moves: exploration.nodes.reduce((sum, node) => sum + node.edges.length, exploration.roots.length),
    pathTo: (state) => graphPathTo(exploration, state),
    depthOf: (state) => depthOf(exploration, state),
    odds,
  };
}
