import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Story } from './types.js';

/**
 * A hash of a story's sources, to key what is computed from them (the fate cache). Files
 * are named relative to the main file's folder and taken in the order they were read, so
 * the same story gives the same fingerprint wherever it is installed, and any edit to any
 * file gives another.
 */
export function storyFingerprint(story: Pick<Story, 'sources'>): string {
  const paths = Object.keys(story.sources);
  const folder = paths.length ? posix.dirname(paths[0]!.replaceAll('\\', '/')) : '.';
  const hash = createHash('sha256');
  for (const path of paths) {
    const normal = path.replaceAll('\\', '/');
    const name = folder !== '.' && normal.startsWith(`${folder}/`) ? normal.slice(folder.length + 1) : normal;
    const text = story.sources[path]!;
    // Lengths first, so no two different lists of files can hash as the same bytes.
    hash.update(`${name.length}:${name}\n${text.length}:${text}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}
