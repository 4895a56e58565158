// An esbuild plugin for the game's ESM bundle: Node's own modules come through require()
// instead of `import`. Importing a built-in as ESM makes Node build its whole export list,
// reading every property (node:crypto's lazy webcrypto, node:process's getters…): about
// 15 ms at every start for the modules the CLI imports, where require() hands back the
// module already loaded. The bundle's banner (scripts/bundle-options.js) provides require.
const NAMESPACE = 'builtin-by-require';

export function builtinsByRequire() {
  return {
    name: 'builtins-by-require',
    setup(build) {
      build.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: NAMESPACE } : undefined));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    },
  };
}
