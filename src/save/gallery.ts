// The endings gallery: found endings by title, the rest hidden, and how much of the story
// the player has walked.
import type { Story } from '../story/types.js';
import type { StoryRecord } from './profile.js';

export interface GalleryEntry {
  id: string;
  /** the title, or null while the ending is undiscovered */
  title: string | null;
  /** ISO date first reached */
  found: string | null;
}

export interface Gallery {
  entries: GalleryEntry[];
  found: number;
  total: number;
  choicesTaken: number;
  choicesTotal: number;
  /** whole percent of the story's choices ever taken */
  percent: number;
}

export function gallery(story: Story, record: StoryRecord): Gallery {
  const entries: GalleryEntry[] = [];
  let choicesTotal = 0;
  const ids = new Set<string>();
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    for (const choice of scene.choices) ids.add(choice.id);
    if (!scene.ending) continue;
    const found = record.endings[id] ?? null;
    entries.push({ id, title: found ? scene.ending.title : null, found });
  }
  choicesTotal = ids.size;
  const choicesTaken = record.choices.filter((id) => ids.has(id)).length;
  const percent = choicesTotal === 0 ? 0 : Math.floor((choicesTaken * 100) / choicesTotal);
  return {
    entries,
    found: entries.filter((e) => e.found).length,
    total: entries.length,
    choicesTaken,
    choicesTotal,
    percent,
  };
}

/** `found 2 of 5 endings, taken 40% of choices` */
export function gallerySummary(g: Gallery): string {
  return `found ${g.found} of ${g.total} endings, taken ${g.percent}% of choices`;
}

/** A found date as the player reads it: `2025-03-02`. */
export function shortDate(iso: string): string {
  return iso.slice(0, 10);
}
