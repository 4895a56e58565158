// Bundles the CLI into dist/ with esbuild: the commands as dist/pusher.cjs, which
// bin/pusher.js requires. Ink, React and the UI are a separate classic script
// (dist/play-ink.cjs) loaded only when the terminal UI starts, so --help, check and the plain
// player start fast, and loaded with a V8 code cache (src/cli/code-cache.ts).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scriptOptions } from './script-options.js';
import { uiScriptOptions } from './ui-script-options.js';
import { compileShippedStory } from './compile-story.js';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
  ...scriptOptions(root),
  entryPoints: [`${root}/src/cli/entry.ts`],
  outfile: `${root}/dist/pusher.cjs`,
  sourcemap: false,
  logLevel: 'warning',
});

await build({
  ...uiScriptOptions(root),
  entryPoints: [`${root}/src/ui/play-ink.tsx`],
  outfile: `${root}/dist/play-ink.cjs`,
  sourcemap: false,
  logLevel: 'warning',
});

await compileShippedStory(root);
