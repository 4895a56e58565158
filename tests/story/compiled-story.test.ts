import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileStory, loadCompiledStory } from '../../src/story/compiled-story.js';
import { parseStory, type ReadSource } from '../../src/story/parse-story.js';
import { defaultStoryPath, readSource } from '../../src/cli/load-story.js';
import { storyFingerprint } from '../../src/story/story-fingerprint.js';
import { HEAD } from './helpers.js';

const shipped = defaultStoryPath();
const fresh = parseStory(shipped, readSource).story!;
const compiled = compileStory(shipped, readSource)!;

/** Reads from a map of files, like the parser tests. */
const filesReader = (files: Record<string, string>): ReadSource => (path) => (Object.hasOwn(files, path) ? files[path] : undefined);

/** The shipped story's files, as if they had been installed under `folder`. */
const movedTo = (folder: string): ReadSource => (path) =>
  path.startsWith(`${folder}/`) ? readSource(fileURLToPath(new URL(`../../story/${path.slice(folder.length + 1)}`, import.meta.url))) : undefined;

const SMALL = `${HEAD}@include days/one.pusher\n`;
const DAY = '=== a\nA morning.\n* Go on. [10m] -> over\n\n=== ending over "Over"\nThe end.\n';

describe('the compiled story', () => {
  it('is exactly the story a fresh parse gives: same values, same key order, nothing lost to JSON', () => {
    const loaded = loadCompiledStory(compiled, shipped, readSource);
    expect(loaded).toStrictEqual(fresh);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(fresh));
    expect(Object.keys(loaded!.sources)[0]).toBe(shipped);
  });

  it('parses a scene only when it is read, once, and every scene parses to what a fresh parse gives', () => {
    const loaded = loadCompiledStory(compiled, shipped, readSource)!;
    const descriptor = (id: string) => Object.getOwnPropertyDescriptor(loaded.scenes, id)!;
    // what a start needs, without reading a scene
    expect(Object.keys(loaded.scenes)).toEqual(Object.keys(fresh.scenes));
    expect(storyFingerprint(loaded)).toBe(storyFingerprint(fresh));
    expect(fresh.sceneOrder.every((id) => descriptor(id).get)).toBe(true);
    const first = loaded.scenes[loaded.start]!;
    expect(descriptor(loaded.start)).toMatchObject({ value: first, writable: true, enumerable: true });
    expect(loaded.scenes[loaded.start]).toBe(first);
    expect(fresh.sceneOrder.filter((id) => descriptor(id).get)).toHaveLength(fresh.sceneOrder.length - 1);
    for (const id of fresh.sceneOrder) expect(loaded.scenes[id]).toStrictEqual(fresh.scenes[id]);
    expect(fresh.sceneOrder.some((id) => descriptor(id).get)).toBe(false);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(fresh));
  });

  it('lets a scene be replaced before or after it is read, like a plain object', () => {
    const loaded = loadCompiledStory(compiled, shipped, readSource)!;
    const [a, b] = fresh.sceneOrder;
    const other = { ...fresh.scenes[a!]!, id: 'other' };
    loaded.scenes[a!] = other;
    void loaded.scenes[b!];
    loaded.scenes[b!] = other;
    expect(loaded.scenes[a!]).toBe(other);
    expect(loaded.scenes[b!]).toBe(other);
    expect(Object.keys(loaded.scenes)).toEqual(Object.keys(fresh.scenes));
  });

  it('is not used once any of the story files differs from the text it was compiled from', () => {
    const day = Object.keys(fresh.sources).find((path) => path.endsWith('wednesday.pusher'))!;
    const edited: ReadSource = (path) => (path === day ? `${readSource(path)}\n// an author's edit\n` : readSource(path));
    expect(loadCompiledStory(compiled, shipped, edited)).toBeNull();
    const missing: ReadSource = (path) => (path === day ? undefined : readSource(path));
    expect(loadCompiledStory(compiled, shipped, missing)).toBeNull();
  });

  it('is not used for another entry file, a relative path, or a damaged or older save', () => {
    expect(loadCompiledStory(compiled, shipped.replace(/main\.pusher$/, 'other.pusher'), readSource)).toBeNull();
    expect(loadCompiledStory(compiled, 'story/main.pusher', readSource)).toBeNull();
    expect(loadCompiledStory(compiled.slice(0, 1000), shipped, readSource)).toBeNull();
    expect(loadCompiledStory(compiled.replace('"format":5', '"format":0'), shipped, readSource)).toBeNull();
    // scenes cut short, one line too many or a scene's line damaged: the lengths no longer fit
    expect(loadCompiledStory(compiled.slice(0, -1), shipped, readSource)).toBeNull();
    expect(loadCompiledStory(`${compiled}\n{}`, shipped, readSource)).toBeNull();
    const second = compiled.indexOf('\n', compiled.indexOf('\n') + 1);
    expect(loadCompiledStory(`${compiled.slice(0, second)}x${compiled.slice(second + 1)}`, shipped, readSource)).toBeNull();
    expect(loadCompiledStory(compiled.slice(0, compiled.indexOf('\n')), shipped, readSource)).toBeNull();
    // a scene damaged in place, its length kept: the digest no longer fits, so the load fails
    // now rather than when the game reaches that scene
    const word = compiled.indexOf('Tonny', second);
    const swapped = `${compiled.slice(0, word)}Tommy${compiled.slice(word + 5)}`;
    expect(swapped.length).toBe(compiled.length);
    expect(loadCompiledStory(swapped, shipped, readSource)).toBeNull();
  });

  it('follows the story when the installation moves, and equals a parse there', () => {
    const folder = '/opt/somewhere else/pusher/story';
    const read = movedTo(folder);
    const moved = loadCompiledStory(compiled, `${folder}/main.pusher`, read);
    expect(moved).toStrictEqual(parseStory(`${folder}/main.pusher`, read).story);
    expect(Object.keys(moved!.sources).every((path) => path.startsWith(`${folder}/`))).toBe(true);
  });

  it('is the one dist/ ships (npm test builds first), when there is a build', () => {
    const built = fileURLToPath(new URL('../../dist/compiled-story.json', import.meta.url));
    if (!existsSync(built)) return;
    expect(loadCompiledStory(readFileSync(built, 'utf8'), shipped, readSource)).toStrictEqual(fresh);
  });

  it('compiles a small story with an include, and refuses what it cannot give exactly', () => {
    const files = { '/s/main.pusher': SMALL, '/s/days/one.pusher': DAY };
    const text = compileStory('/s/main.pusher', filesReader(files));
    expect(loadCompiledStory(text!, '/s/main.pusher', filesReader(files))).toStrictEqual(parseStory('/s/main.pusher', filesReader(files)).story);
    // a relative entry, a story with problems, an include that leaves the folder and comes back
    expect(compileStory('s/main.pusher', filesReader({ 's/main.pusher': SMALL, 's/days/one.pusher': DAY }))).toBeNull();
    expect(compileStory('/s/main.pusher', filesReader({ '/s/main.pusher': SMALL }))).toBeNull();
    const roundabout = { '/s/main.pusher': `${HEAD}@include ../s/days/one.pusher\n`, '/s/days/one.pusher': DAY };
    expect(parseStory('/s/main.pusher', filesReader(roundabout)).story).not.toBeNull();
    expect(compileStory('/s/main.pusher', filesReader(roundabout))).toBeNull();
    // prose that happens to hold the placeholder the saved form uses for the folder
    const odd = { ...files, '/s/days/one.pusher': DAY.replace('A morning.', 'A morning @@pusher-story-folder@@.') };
    expect(compileStory('/s/main.pusher', filesReader(odd))).toBeNull();
  });
});
