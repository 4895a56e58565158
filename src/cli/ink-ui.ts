import { fileURLToPath } from 'node:url';
import type * as InkUi from '../ui/play-ink.js';
import { appFolder } from '../save/data-dir.js';
import { runCachedScript, type CachedScript } from './code-cache.js';

/** The Ink UI as scripts/build.js saves it beside the bundle: a script, for the code cache. */
const SCRIPT_URL = new URL('./play-ink.cjs', import.meta.url);

/**
 * Loads Ink, React and the game's UI (src/ui/play-ink.tsx) with the code cache kept in the
 * game's cache folder. Only when the UI starts, so plain play, check and --help stay fast.
 */
export function loadInkUi(): CachedScript<typeof InkUi> {
  return runCachedScript<typeof InkUi>(fileURLToPath(SCRIPT_URL), appFolder('cache'));
}
