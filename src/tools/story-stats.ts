import type { Statement, Story, Text, VaryMode } from '../story/types.js';
import { analyseTunnels } from '../story/tunnels.js';
import { counterUse } from './counters.js';
import { textWords } from '../story/parse-text.js';
import { walkStatements } from '../story/walk-statements.js';

/** Every body of prose in the story: scenes, choices and events. */
function allBodies(story: Story): Statement[][] {
  const bodies: Statement[][] = story.events.map((event) => event.body);
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    bodies.push(scene.body, ...scene.choices.map((choice) => choice.body));
  }
  return bodies;
}

/** Words of prose, each distinct paragraph counted once, so repetition cannot pad the count. */
export function countWords(story: Story): number {
  const seen = new Set<string>();
  let words = 0;
  for (const body of allBodies(story)) {
    walkStatements(body, (statement) => {
      if (statement.kind !== 'para') return;
      const paragraphWords = textWords(statement.text);
      const key = paragraphWords.join(' ');
      if (seen.has(key)) return;
      seen.add(key);
      words += paragraphWords.length;
    });
  }
  return words;
}

export function countChoices(story: Story): number {
  return story.sceneOrder.reduce((sum, id) => sum + story.scenes[id]!.choices.length, 0);
}

export function endingIds(story: Story): string[] {
  return story.sceneOrder.filter((id) => story.scenes[id]!.ending);
}

/** The writer's constructs a story uses, for `check --json`: what the prover had to account for. */
export interface ConstructStats {
  /** ids of the choices marked `once` */
  onceChoices: string[];
  /** the counts the story reads: `visits(scene)` with the largest value kept as state (null: exact), `taken(choice)` */
  visitCounts: Array<{ scene: string; stateUpTo: number | null }>;
  takenChoices: string[];
  /** scenes entered as tunnels, and the deepest the return stack can get */
  tunnels: string[];
  returnDepth: number;
  /** varied texts by kind: sequences, cycles, once-only and shuffles (none of them state) */
  variedTexts: Record<VaryMode, number>;
  /** the story's own meters (`@meter`), or null */
  meters: { money: string | null; time: string | null };
}

export function constructStats(story: Story): ConstructStats {
  const use = counterUse(story);
  const tunnels = analyseTunnels(story);
  const variedTexts: Record<VaryMode, number> = { sequence: 0, cycle: 0, once: 0, shuffle: 0 };
  const count = (text: Text): void => {
    for (const part of text) {
      if (part.kind === 'vary') {
        variedTexts[part.mode]++;
        part.items.forEach(count);
      } else if (part.kind === 'cond') {
        count(part.then);
        count(part.else);
      }
    }
  };
  for (const body of allBodies(story))
    walkStatements(body, (statement) => statement.kind === 'para' && count(statement.text));
  for (const id of story.sceneOrder) for (const choice of story.scenes[id]!.choices) count(choice.label);
  return {
    onceChoices: story.sceneOrder.flatMap((id) => story.scenes[id]!.choices.filter((c) => c.once).map((c) => c.id)),
    visitCounts: [...use.visits].map(([scene, cap]) => ({ scene, stateUpTo: Number.isFinite(cap) ? cap : null })),
    takenChoices: [...use.taken],
    tunnels: tunnels.tunnels,
    returnDepth: tunnels.depth,
    variedTexts,
    meters: story.meters,
  };
}
