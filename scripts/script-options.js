// The esbuild options for the game's two CommonJS scripts: dist/pusher.cjs (the commands,
// which bin/pusher.js requires) and dist/play-ink.cjs (the Ink UI, scripts/ui-script-options.js).
// CommonJS, because an ES module entry makes Node start its ESM loader first (10 to 20 ms of
// every start, measured by bench/run.js). Otherwise the options of scripts/bundle-options.js.
import { bundleOptions } from './bundle-options.js';

/** Options for a CommonJS script of the repository at `root`. */
export function scriptOptions(root) {
  const base = bundleOptions(root);
  return {
    ...base,
    format: 'cjs',
    // The sources find files beside the bundle (the shipped story, the compiled story, the UI
    // script, the CLI for the fate cache's background run) from import.meta.url, which
    // CommonJS lacks: it is the script's own file URL, as in an ES module.
    banner: { js: "var __pusherScriptUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...base.define, 'import.meta.url': '__pusherScriptUrl' },
  };
}
