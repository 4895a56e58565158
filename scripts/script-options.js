// The esbuild options for the game's CommonJS scripts (scripts/build.js): dist/pusher.cjs (the
// boot, which bin/pusher.js requires), dist/commands.cjs (the commands) and dist/play-ink.cjs
// (the Ink UI, scripts/ui-script-options.js). CommonJS, because an ES module anywhere on the
// way makes Node start its ESM loader first (10 to 20 ms of every start, measured with
// bench/run.js). Otherwise the options of scripts/bundle-options.js.
import { createRequire } from 'node:module';
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
    plugins: [...base.plugins, builtinsOnDemand(['node:child_process', 'node:readline'])],
  };
}

/**
 * Node built-ins that a start seldom needs, loaded on first use instead of as the script
 * loads (about 1 ms each): child_process (commander's executable subcommands, the fate
 * cache's background count at an ending) and readline (the plain player). Each import gets
 * an object with a getter per export, taken from the module as this Node has it; esbuild's
 * CommonJS interop reads an import's exports where they are used, so the getter runs then.
 */
function builtinsOnDemand(names) {
  const require = createRequire(import.meta.url);
  const namespace = 'builtin-on-demand';
  return {
    name: 'builtins-on-demand',
    setup(build) {
      const filter = new RegExp(`^(node:)?(${names.map((name) => name.replace(/^node:/, '')).join('|')})$`);
      // the shim's own require of the module is the real one
      build.onResolve({ filter }, (args) =>
        args.namespace === namespace
          ? { path: args.path, external: true }
          : { path: `node:${args.path.replace(/^node:/, '')}`, namespace },
      );
      build.onLoad({ filter: /.*/, namespace }, (args) => {
        const getters = Object.keys(require(args.path)).map(
          (key) => `get ${JSON.stringify(key)}() { return load()[${JSON.stringify(key)}]; }`,
        );
        return {
          contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\nmodule.exports = { ${getters.join(', ')} };\n`,
          loader: 'js',
        };
      });
    },
  };
}
