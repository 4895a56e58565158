// A parsed and validated story saved as JSON, so a start-up can skip the parser (most of the
// plain player's start time is parsing and the garbage it makes). The saved story carries a
// SHA-256 digest of each source text; it is used only when every file reads back with its
// digest (the same text), so it is always exactly what a fresh parse would give. Pure apart
// from `read`, like the parser.
//
// The layout: a first line of JSON with everything but the scenes and the source texts (in
// their place, each scene's id and the length of its line, a digest of all the scene lines,
// and a digest of each source file), then one line of JSON per scene, in story order. A
// start parses the first line and only the scenes it reads (see lazy-scenes.ts). The scene
// lines' digest (about 1 ms) makes a damaged file fail at load, as a whole parse would,
// rather than mid-game when the damaged scene is read.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { lazyScenes } from './lazy-scenes.js';
import { parseStory, type ReadSource } from './parse-story.js';
import type { Story } from './types.js';

const FORMAT = 5;
/** Stands for the story's folder in the saved text, so the build can be installed anywhere. */
const HERE = '@@pusher-story-folder@@';
/** The folder compileStory tries the saved story in, to prove it can be moved. */
const ELSEWHERE = '/compiled-story-check/elsewhere';

/** The saved form (ASCII JSON) of the story parsed from `entry`, or null when there is none to give. */
export function compileStory(entry: string, read: ReadSource): string | null {
  if (!movable(entry)) return null;
  const { story } = parseStory(entry, read);
  if (!story) return null;
  if (JSON.stringify({ entry, story }).includes(HERE)) return null;
  const folder = escaped(posix.dirname(entry));
  // ASCII only (JSON escapes for the rest), so the file can be read without UTF-8 decoding;
  // the folder becomes HERE, so the build can be installed anywhere.
  const save = (value: unknown) => JSON.stringify(value).replaceAll(folder, HERE).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const scenes = Object.entries(story.scenes).map(([id, scene]) => [id, save(scene)] as const);
  const lines = scenes.map(([, json]) => json).join('\n');
  const sourceDigests = Object.fromEntries(Object.entries(story.sources).map(([path, source]) => [path, digest(source, 'utf8')]));
  // sources stays in its place among the keys, so the loaded story is ordered as a parsed one
  const index = { ...story, scenes: scenes.map(([id, json]) => [id, json.length]), sources: null };
  const header = save({ format: FORMAT, entry, scenesDigest: digest(lines, 'latin1'), sourceDigests, story: index });
  const text = `${header}\n${lines}`;
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
  const restore = (json: string) => json.replaceAll(HERE, escaped(posix.dirname(entry)));
  const end = text.indexOf('\n');
  if (end < 0) return null;
  let saved: { format?: unknown; entry?: unknown; scenesDigest?: unknown; sourceDigests?: unknown; story?: Omit<Story, 'scenes' | 'sources'> & { scenes: unknown; sources: unknown } };
  try {
    saved = JSON.parse(restore(text.slice(0, end)));
  } catch {
    return null;
  }
  const story = saved.story;
  if (saved.format !== FORMAT || saved.entry !== entry || !story || typeof saved.sourceDigests !== 'object' || !saved.sourceDigests) return null;
  if (saved.scenesDigest !== digest(text.slice(end + 1), 'latin1')) return null;
  const scenes = sceneTexts(story.scenes, text, end + 1);
  if (!scenes) return null;
  const sources: Record<string, string> = {};
  for (const [path, sourceDigest] of Object.entries(saved.sourceDigests)) {
    const source = read(path);
    if (source === undefined || digest(source, 'utf8') !== sourceDigest) return null;
    sources[path] = source;
  }
  story.sources = sources;
  // Assigned in place, so the scenes keep their place among the story's keys.
  story.scenes = lazyScenes(scenes, restore);
  return story as Story;
}

/**
 * Each scene's id and saved text, cut from `text` by the lengths the first line gives; null
 * when they do not tile the rest of the file exactly (a damaged or cut-short save).
 */
function sceneTexts(index: unknown, text: string, start: number): Array<[string, string]> | null {
  if (!Array.isArray(index)) return null;
  const scenes: Array<[string, string]> = [];
  let at = start;
  for (const entry of index as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isInteger(entry[1])) return null;
    const end = at + (entry[1] as number);
    if (end > text.length || text[at] !== '{' || text[end - 1] !== '}' || (end < text.length && text[end] !== '\n')) return null;
    scenes.push([entry[0], text.slice(at, end)]);
    at = end + 1;
  }
  return at === text.length + 1 ? scenes : null;
}

/** A text's digest; the saved scene lines are ASCII, so latin1 gives their bytes with no encoding. */
function digest(text: string, encoding: 'latin1' | 'utf8'): string {
  return createHash('sha256').update(text, encoding).digest('base64');
}

/** Only an absolute, normalised entry has paths that are its folder plus a fixed rest. */
function movable(entry: string): boolean {
  return posix.isAbsolute(entry) && posix.normalize(entry) === entry && posix.dirname(entry) !== '/';
}

/** A path as it appears inside a JSON string. */
function escaped(path: string): string {
  return JSON.stringify(path).slice(1, -1);
}
