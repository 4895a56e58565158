import { readFileSync } from 'node:fs';
import type { Story } from '../story/types.js';
import { parseShippedFates, type ShippedFates } from '../tools/shipped-fates.js';

/** `story/main.pusher` → `story/main.fates`: the shipped fate numbers sit beside the story. */
export function shippedFatesBeside(storyPath: string): string {
  return storyPath.replace(/(\.pusher)?$/, '.fates');
}

const read = new Map<string, ShippedFates | null>();

/** The numbers shipped beside this story, when they are there and belong to it exactly. */
export function readShippedFates(story: Story): ShippedFates | null {
  const entry = Object.keys(story.sources)[0];
  if (!entry) return null;
  const path = shippedFatesBeside(entry);
  if (read.has(path)) return read.get(path)!;
  let fates: ShippedFates | null = null;
  try {
    fates = parseShippedFates(readFileSync(path, 'utf8'), story);
  } catch {
    fates = null;
  }
  read.set(path, fates);
  return fates;
}
