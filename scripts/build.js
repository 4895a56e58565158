// Bundles the CLI into dist/ with esbuild. Ink and React sit in a separate chunk loaded
// only when the terminal UI starts, so --help, check and the plain player start fast.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileShippedStory } from './compile-story.js';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
  entryPoints: { pusher: `${root}/src/cli/entry.ts` },
  outdir: `${root}/dist`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Ink imports react-devtools-core only when DEV is set; never ship it.
  alias: { 'react-devtools-core': `${root}/scripts/devtools-stub.js` },
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (React) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __pusherCreateRequire } from 'node:module'; const require = __pusherCreateRequire(import.meta.url);",
  },
});

await compileShippedStory(root);
