// Bundles the CLI into dist/ with esbuild, as three CommonJS scripts:
// - dist/pusher.cjs, the boot (src/cli/boot.ts), which bin/pusher.js requires;
// - dist/commands.cjs, the commands (src/cli/entry.ts), which the boot runs with a V8 code
//   cache (src/cli/code-cache.ts);
// - dist/play-ink.cjs, Ink, React and the UI, run the same way but only when the terminal UI
//   starts, so --help, check and the plain player start fast.
// They are the whole runtime (package.json has no dependencies), so the licences of the
// packages inside them go beside them: dist/THIRD-PARTY-NOTICES.txt.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scriptOptions } from './script-options.js';
import { uiScriptOptions } from './ui-script-options.js';
import { compileShippedStory } from './compile-story.js';
import { bundledPackages, thirdPartyNotices } from './third-party-notices.js';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
const metafiles = [];

for (const [entry, outfile] of [
  ['src/cli/boot.ts', 'dist/pusher.cjs'],
  ['src/cli/entry.ts', 'dist/commands.cjs'],
]) {
  const result = await build({
    ...scriptOptions(root),
    entryPoints: [`${root}/${entry}`],
    outfile: `${root}/${outfile}`,
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
  });
  metafiles.push(result.metafile);
}

const ui = await build({
  ...uiScriptOptions(root),
  entryPoints: [`${root}/src/ui/play-ink.tsx`],
  outfile: `${root}/dist/play-ink.cjs`,
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
});
metafiles.push(ui.metafile);
writeFileSync(
  `${root}/dist/THIRD-PARTY-NOTICES.txt`,
  thirdPartyNotices(root, bundledPackages(process.cwd(), metafiles)),
);

await compileShippedStory(root);
