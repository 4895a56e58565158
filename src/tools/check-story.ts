import type { Story } from '../story/types.js';
import type { Problem } from '../story/problem.js';
import { problemAt } from '../story/problem.js';
import { exploreStates, pathTo, type Exploration } from './explore-states.js';
import { countChoices, countWords, endingIds } from './story-stats.js';

export interface CheckReport {
  /** proven: every reachable state leads on, every ending, scene and choice is reachable */
  ok: boolean;
  /** false when the state limit stopped the search before it was done */
  proven: boolean;
  scenes: number;
  choices: number;
  endings: Array<{ id: string; title: string; reachable: boolean }>;
  words: number;
  /** choices whose condition is false in some reachable state and true in another */
  gates: number;
  states: number;
  problems: Problem[];
}

const MAX_DEAD_ENDS_REPORTED = 20;

function describePath(path: string[]): string {
  return path.length ? path.join(' > ') : '(at the start)';
}

/**
 * Proves a parsed story by exploring its whole reachable state space: every dead end, every
 * ending never reached, every scene never entered and every choice never open is a problem,
 * with the shortest path of choices that shows it where there is one.
 */
export function checkStory(story: Story, maxStates: number): { report: CheckReport; exploration: Exploration } {
  const exploration = exploreStates(story, maxStates);
  const problems: Problem[] = [];
  const top = { file: Object.keys(story.sources)[0] ?? story.id, line: 1, col: 1 };
  if (!exploration.complete) {
    problems.push(problemAt(top, `unproven: stopped after ${maxStates.toLocaleString('en-US')} states (raise --max-states)`));
  }

  const reachedEndings = new Set<string>();
  for (const node of exploration.nodes) if (node.ending) reachedEndings.add(node.ending);
  for (const index of exploration.deadEnds.slice(0, MAX_DEAD_ENDS_REPORTED)) {
    const scene = story.scenes[exploration.nodes[index]!.scene]!;
    problems.push(problemAt(scene.pos, `dead end: no choice is open in '${scene.id}' here; path: ${describePath(pathTo(exploration, index))}`));
  }
  if (exploration.deadEnds.length > MAX_DEAD_ENDS_REPORTED) {
    problems.push(problemAt(top, `${exploration.deadEnds.length - MAX_DEAD_ENDS_REPORTED} more dead ends not listed`));
  }

  if (exploration.complete) {
    for (const id of story.sceneOrder) {
      const scene = story.scenes[id]!;
      if (scene.ending && !reachedEndings.has(id)) problems.push(problemAt(scene.pos, `ending '${id}' is never reached`));
      else if (!scene.ending && !exploration.scenesEntered.has(id)) problems.push(problemAt(scene.pos, `scene '${id}' is never reached in play`));
      for (const choice of scene.choices) {
        if (exploration.firstOpen.has(choice.id) || !exploration.scenesEntered.has(id)) continue;
        const at = exploration.firstClosed.get(choice.id);
        const where = at === undefined ? '' : `; its scene is reached by: ${describePath(pathTo(exploration, at))}`;
        problems.push(problemAt(choice.pos, `choice '${choice.id}' is never available${where}`));
      }
    }
  }

  const gates = [...exploration.firstOpen.keys()].filter((id) => exploration.firstClosed.has(id)).length;
  const report: CheckReport = {
    ok: problems.length === 0,
    proven: exploration.complete,
    scenes: story.sceneOrder.length,
    choices: countChoices(story),
    endings: endingIds(story).map((id) => ({ id, title: story.scenes[id]!.ending!.title, reachable: reachedEndings.has(id) })),
    words: countWords(story),
    gates,
    states: exploration.nodes.length,
    problems,
  };
  return { report, exploration };
}
