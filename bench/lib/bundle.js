// esbuild bundles made during a bench run, into a temporary folder: the story tools (they
// import the TypeScript sources) and an Ink + React hello world built the way
// scripts/build.js builds the game (scripts/bundle-options.js), so the two start on equal terms.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from '../../scripts/bundle-options.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

// the very options scripts/build.js bundles the game with
const common = { ...bundleOptions(root), logLevel: 'warning' };

/** bench/lib/tools-entry.js as one file; returns its path. */
export async function bundleTools(dir) {
  const outfile = join(dir, 'tools.mjs');
  await build({ ...common, entryPoints: [join(root, 'bench/lib/tools-entry.js')], outfile });
  return outfile;
}

export const HELLO_TEXT = 'Hello from Ink';
export const STOCK_HELLO = join(root, 'bench/lib/hello-ink.js');

/** bench/lib/hello-ink.js bundled; returns the bundle's path. */
export async function bundleHello(dir) {
  const outfile = join(dir, 'hello-ink.mjs');
  await build({ ...common, entryPoints: [STOCK_HELLO], outfile });
  return outfile;
}
