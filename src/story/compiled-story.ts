// A parsed and validated story saved as JSON, so a start-up can skip the parser (most of the
// plain player's start time is parsing and the garbage it makes). The saved story carries its
// source texts; it is used only when every file reads back identical, so it is always exactly
// what a fresh parse would give. Pure apart from `read`, like the parser.
import { posix } from 'node:path';
import { parseStory, type ReadSource } from './parse-story.js';
import type { Story } from './types.js';

const FORMAT = 1;
/** Stands for the story's folder in the saved text, so the build can be installed anywhere. */
const HERE = '@@pusher-story-folder@@';
/** The folder compileStory tries the saved story in, to prove it can be moved. */
const ELSEWHERE = '/compiled-story-check/elsewhere';

/** The saved form (ASCII JSON) of the story parsed from `entry`, or null when there is none to give. */
export function compileStory(entry: string, read: ReadSource): string | null {
  if (!movable(entry)) return null;
  const { story } = parseStory(entry, read);
  if (!story) return null;
  const json = JSON.stringify({ format: FORMAT, entry, story });
  if (json.includes(HERE)) return null;
  // ASCII only (JSON escapes for the rest), so the file can be read without UTF-8 decoding.
  const text = json.replaceAll(escaped(posix.dirname(entry)), HERE).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // The paths of included files must follow the folder (no `../` out of it and back in):
  // prove it by loading the saved story as if the files lived elsewhere.
  const there = posix.join(ELSEWHERE, posix.basename(entry));
  const readThere = (path: string) => (path.startsWith(`${ELSEWHERE}/`) ? read(posix.dirname(entry) + path.slice(ELSEWHERE.length)) : undefined);
  const moved = loadCompiledStory(text, there, readThere);
  const fresh = parseStory(there, readThere).story;
  return moved && JSON.stringify(moved) === JSON.stringify(fresh) ? text : null;
}

/**
 * The saved story for `entry` when it is saved for that file name and every source file
 * reads back exactly as saved; otherwise null, and the caller parses.
 */
export function loadCompiledStory(text: string, entry: string, read: ReadSource): Story | null {
  if (!movable(entry)) return null;
  let saved: { format?: unknown; entry?: unknown; story?: Story };
  try {
    saved = JSON.parse(text.replaceAll(HERE, escaped(posix.dirname(entry))));
  } catch {
    return null;
  }
  const story = saved.story;
  if (saved.format !== FORMAT || saved.entry !== entry || !story || typeof story.sources !== 'object') return null;
  for (const [path, source] of Object.entries(story.sources)) if (read(path) !== source) return null;
  return story;
}

/** Only an absolute, normalised entry has paths that are its folder plus a fixed rest. */
function movable(entry: string): boolean {
  return posix.isAbsolute(entry) && posix.normalize(entry) === entry && posix.dirname(entry) !== '/';
}

/** A path as it appears inside a JSON string. */
function escaped(path: string): string {
  return JSON.stringify(path).slice(1, -1);
}
