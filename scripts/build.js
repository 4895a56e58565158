// Bundles the CLI into dist/ with esbuild, as three CommonJS scripts:
// - dist/pusher.cjs, the boot (src/cli/boot.ts), which bin/pusher.js requires;
// - dist/commands.cjs, the commands (src/cli/entry.ts), which the boot runs with a V8 code
//   cache (src/cli/code-cache.ts);
// - dist/play-ink.cjs, Ink, React and the UI, run the same way but only when the terminal UI
//   starts, so --help, check and the plain player start fast.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scriptOptions } from './script-options.js';
import { uiScriptOptions } from './ui-script-options.js';
import { compileShippedStory } from './compile-story.js';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

for (const [entry, outfile] of [
  ['src/cli/boot.ts', 'dist/pusher.cjs'],
  ['src/cli/entry.ts', 'dist/commands.cjs'],
]) {
  await build({
    ...scriptOptions(root),
    entryPoints: [`${root}/${entry}`],
    outfile: `${root}/${outfile}`,
    sourcemap: false,
    logLevel: 'warning',
  });
}

await build({
  ...uiScriptOptions(root),
  entryPoints: [`${root}/src/ui/play-ink.tsx`],
  outfile: `${root}/dist/play-ink.cjs`,
  sourcemap: false,
  logLevel: 'warning',
});

await compileShippedStory(root);
