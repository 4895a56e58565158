// A story's scenes object whose scenes are parsed from their saved JSON text on first read.
// The shipped story is mostly scene data (about 12 ms of JSON.parse and its garbage), but a
// start draws only the first scene, so the rest waits until the game goes there.
import type { Scene } from './types.js';

/**
 * `texts` in story order (it is the order of Object.keys and of JSON.stringify); `restore`
 * turns a saved text back into JSON (the compiled story's folder placeholder). Each property
 * is a getter that parses once and then becomes a plain data property, so later reads cost
 * what they cost on a parsed object; writes just replace it, as on a plain object.
 */
export function lazyScenes(texts: ReadonlyArray<readonly [id: string, json: string]>, restore: (json: string) => string): Record<string, Scene> {
  const scenes: Record<string, Scene> = {};
  for (const [id, json] of texts) {
    const settle = (value: Scene) => {
      Object.defineProperty(scenes, id, { value, writable: true, enumerable: true, configurable: true });
      return value;
    };
    Object.defineProperty(scenes, id, {
      get: () => settle(JSON.parse(restore(json)) as Scene),
      set: settle,
      enumerable: true,
      configurable: true,
    });
  }
  return scenes;
}
