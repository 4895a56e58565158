// The esbuild options the game is bundled with (scripts/build.js), shared with the bench
// (bench/lib/bundle.js), which bundles its Ink + React hello world the same way so the two
// start on equal terms.
import { join } from 'node:path';

/** Options for a Node ESM bundle of code under `root` (the repository). */
export function bundleOptions(root) {
  return {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: false,
    legalComments: 'none',
    // Ink imports react-devtools-core only when DEV is set; never ship it.
    alias: { 'react-devtools-core': join(root, 'scripts/devtools-stub.js') },
    define: { 'process.env.NODE_ENV': '"production"' },
    // CommonJS dependencies (React) call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __pusherCreateRequire } from 'node:module'; const require = __pusherCreateRequire(import.meta.url);",
    },
    plugins: [inkTextShortcuts(root)],
  };
}

/** Ink gets src/ui/ansi-tokenize-fast.ts for @alcalzone/ansi-tokenize (that module says why). */
function inkTextShortcuts(root) {
  const shortcuts = join(root, 'src/ui/ansi-tokenize-fast.ts');
  return {
    name: 'ink-text-shortcuts',
    setup(build) {
      build.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) => (args.importer === shortcuts ? undefined : { path: shortcuts }));
    },
  };
}
