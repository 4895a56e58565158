// The esbuild options for dist/play-ink.cjs: the Ink UI as a classic script, so the game can
// load it through vm.Script with a V8 code cache (src/cli/code-cache.ts says why). A CommonJS
// script like the commands (scripts/script-options.js), which cannot hold top-level await, so
// the two such sites in the pinned Ink and Yoga versions are rewritten here; the build fails
// loudly if their text has moved.
import { rewrite } from './bundle-options.js';
import { scriptOptions } from './script-options.js';

/** Options for the UI script of the repository at `root`. */
export function uiScriptOptions(root) {
  const base = scriptOptions(root);
  // The script runs inside a function given a real require and its own __filename
  // (src/cli/code-cache.ts), so the banner's import.meta.url works there too.
  return { ...base, plugins: [yogaSync(), inkWithoutTopLevelAwait(), cursorShownOnTerminalOnly(), ...base.plugins] };
}

/**
 * restore-cursor (under Ink's cli-cursor) writes "show the cursor" to stderr at every exit,
 * into a log file too when stderr is redirected (`pusher 2>log`). The game shows the cursor
 * on its terminal itself (src/ui/play-ink.tsx); stderr gets it only when it is a terminal.
 */
function cursorShownOnTerminalOnly() {
  return rewrite('cursor-shown-on-terminal-only', /restore-cursor[\\/]index\.js$/, [
    ["process.stderr.write('\\u001B[?25h');", "if (process.stderr.isTTY) process.stderr.write('\\u001B[?25h');"],
  ]);
}

/**
 * Yoga 3.2 awaits its Emscripten factory. Given `instantiateWasm: true`, the patched factory
 * compiles its inline wasm synchronously (new WebAssembly.Module, fine off the browser), so
 * the run completes inside the call and the module object it was given is ready.
 */
function yogaSync() {
  return {
    name: 'yoga-sync',
    setup(build) {
      const loader = rewrite('yoga-sync', /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, [
        [
          'if(h.instantiateWasm)try{',
          'if(h.instantiateWasm===true)return a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d)),{};if(h.instantiateWasm)try{',
        ],
      ]);
      const index = rewrite('yoga-sync', /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/, [
        [
          'const Yoga = wrapAssembly(await loadYoga());',
          "const yogaModule = { instantiateWasm: true };\nloadYoga(yogaModule).catch(() => undefined);\nif (!yogaModule.calledRun) throw new Error('yoga-sync: Yoga did not start synchronously');\nconst Yoga = wrapAssembly(yogaModule);",
        ],
      ]);
      loader.setup(build);
      index.setup(build);
    },
  };
}

/**
 * Ink 6.8 awaits two imports at the top of its reconciler, both only when DEV=true (React
 * devtools, which the game never ships: scripts/devtools-stub.js). The script leaves them out.
 */
function inkWithoutTopLevelAwait() {
  return rewrite('ink-without-top-level-await', /ink[\\/]build[\\/]reconciler\.js$/, [
    ["await import('./devtools.js');", '/* React devtools: not in the game (scripts/ui-script-options.js) */'],
    ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
  ]);
}
