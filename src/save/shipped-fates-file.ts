import type { Story } from '../story/types.js';
import { parseShippedFates, type ShippedFates } from '../story/shipped-fates.js';
import { readRegularFile } from './read-regular-file.js';

/** A fates file is a few hundred bytes; anything past this is not one. */
const MAX_FATES_BYTES = 256 * 1024;

/** `story/main.pusher` → `story/main.fates`: the shipped fate numbers sit beside the story. */
export function shippedFatesBeside(storyPath: string): string {
  return storyPath.replace(/(\.pusher)?$/, '.fates');
}

/** The numbers shipped beside this story, when they are there and belong to it exactly. */
export function readShippedFates(story: Story): ShippedFates | null {
  const entry = Object.keys(story.sources)[0];
  if (!entry) return null;
  const file = readRegularFile(shippedFatesBeside(entry), MAX_FATES_BYTES);
  return file.ok ? parseShippedFates(file.text, story) : null;
}
