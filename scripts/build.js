// Bundles the CLI into dist/ with esbuild. Ink and React sit in a separate chunk loaded
// only when the terminal UI starts, so --help, check and the plain player start fast.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './bundle-options.js';
import { compileShippedStory } from './compile-story.js';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
  ...bundleOptions(root),
  entryPoints: { pusher: `${root}/src/cli/entry.ts` },
  outdir: `${root}/dist`,
  splitting: true,
  sourcemap: false,
  logLevel: 'warning',
});

await compileShippedStory(root);
