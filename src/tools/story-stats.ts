import type { Statement, Story } from '../story/types.js';
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
