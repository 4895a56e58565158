// esbuild bundles made during a bench run, into a temporary folder: the story tools (they
// import the TypeScript sources) and the Ink + React hello world, twice: bundled as any Ink
// app would be (the yardstick issue 7 names), and bundled with the game's own options
// (scripts/bundle-options.js, every patch to Ink's dependencies included), a stricter one.
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

/**
 * bench/lib/hello-ink.js bundled as any Ink app is: one ESM file, React's production build,
 * React devtools stubbed (Ink imports them only in development), a require() for React's
 * CommonJS. Returns the bundle's path.
 */
export async function bundleHello(dir) {
  const outfile = join(dir, 'hello-ink.mjs');
  await build({
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    alias: { 'react-devtools-core': join(root, 'scripts/devtools-stub.js') },
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    entryPoints: [STOCK_HELLO],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** bench/lib/hello-ink.js bundled with the very options of the game; returns the bundle's path. */
export async function bundleHelloPatched(dir) {
  const outfile = join(dir, 'hello-ink-patched.mjs');
  await build({ ...common, entryPoints: [STOCK_HELLO], outfile });
  return outfile;
}
