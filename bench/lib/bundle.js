// esbuild bundles made during a bench run, into a temporary folder: the story tools (they
// import the TypeScript sources) and an Ink + React hello world built the way
// scripts/build.js builds the game, so the two start on equal terms.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  alias: { 'react-devtools-core': join(root, 'scripts/devtools-stub.js') },
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
};

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
