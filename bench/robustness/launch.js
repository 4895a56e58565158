// The robustness cores import the TypeScript sources, so the scripts bundle a core with
// esbuild into a temporary folder and run it there (no build step beyond esbuild). The bundle keeps packages
// external, so ink and react are the same single copies the game loads.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../lib/bundle.js';

export { root };

/** Bundles bench/robustness/<core> and returns its module; the folder goes when the process ends. */
export async function loadCore(core) {
  // Inside node_modules/.cache so the bundle's package imports (ink, react) resolve.
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'pusher-robust-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, 'core.mjs');
  await build({
    entryPoints: [join(root, 'bench/robustness', core)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    packages: 'external',
    alias: { 'react-devtools-core': join(root, 'scripts/devtools-stub.js') },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return import(pathToFileURL(outfile).href);
}

export function flag(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
}
