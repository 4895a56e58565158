// The esbuild options the game is bundled with (scripts/build.js), shared with the bench
// (bench/lib/bundle.js), which bundles its Ink + React hello world the same way so the two
// start on equal terms.
import { readFile } from 'node:fs/promises';
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
    // Ink's text packages build segmenters as they load; this one waits until it is used.
    define: { 'process.env.NODE_ENV': '"production"', 'Intl.Segmenter': 'LazySegmenter' },
    inject: [join(root, 'src/shims/lazy-segmenter.ts')],
    // CommonJS dependencies (React) call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __pusherCreateRequire } from 'node:module'; const require = __pusherCreateRequire(import.meta.url);",
    },
    plugins: [inkTextShortcuts(root), yogaWithoutFetch(), emojiPatternOnDemand(root)],
  };
}

/**
 * Ink gets src/shims/ansi-tokenize-fast.ts for @alcalzone/ansi-tokenize and src/shims/string-width-fast.ts
 * for string-width (those modules say why). wrap-ansi keeps its own older string-width.
 */
function inkTextShortcuts(root) {
  const shortcuts = {
    '@alcalzone/ansi-tokenize': join(root, 'src/shims/ansi-tokenize-fast.ts'),
    'string-width': join(root, 'src/shims/string-width-fast.ts'),
  };
  const own = /[\\/]node_modules[\\/]wrap-ansi[\\/]/;
  return {
    name: 'ink-text-shortcuts',
    setup(build) {
      build.onResolve({ filter: /^(@alcalzone\/ansi-tokenize|string-width)$/ }, (args) => {
        const shortcut = shortcuts[args.path];
        return args.importer === shortcut || own.test(args.importer) ? undefined : { path: shortcut };
      });
    },
  };
}

/**
 * A plugin that replaces `before` (exactly once) with `after` in each file esbuild loads
 * through `filter`, for dependencies patched at build time. `accepts`, when given, must also
 * hold for the file's text. Anything else means the package moved: the build fails, loudly.
 */
export function rewrite(name, filter, edits, accepts = () => true) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter }, async (args) => {
        let text = await readFile(args.path, 'utf8');
        if (!accepts(text)) throw new Error(`${name}: ${args.path} is not the version this patch knows; review it`);
        for (const [before, after] of edits) {
          if (text.split(before).length !== 2)
            throw new Error(
              `${name}: ${args.path} is not the version this patch knows (no single '${before.slice(0, 60)}'); review it`,
            );
          // a function, so `$` in the new text is never read as a replacement pattern
          text = text.replace(before, () => after);
        }
        return { contents: text, loader: 'js' };
      });
    },
  };
}

/**
 * Yoga (Ink's layout engine) carries its WebAssembly as a base64 data: URL and loads it with
 * fetch() when there is one, which in Node means loading the whole undici HTTP client first
 * (tens of ms at every start). Its own decoder gives the same bytes; use it for data: URLs.
 */
function yogaWithoutFetch() {
  return rewrite('yoga-without-fetch', /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, [
    ['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||"function"!=typeof fetch||ua(H)?'],
  ]);
}

/**
 * string-width 8 holds /^\p{RGI_Emoji}$/v, and V8 builds that pattern's set of emoji strings
 * when it parses the script, wherever the literal stands: about 35 ms of every start, for
 * text the shortcuts (src/shims/string-width-fast.ts) never send it. Built on first use instead.
 * Only Ink's own string-width: wrap-ansi's older one (in its own node_modules) has no such literal.
 */
function emojiPatternOnDemand(root) {
  const file = join(root, 'node_modules/string-width/index.js');
  const filter = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  // no use of the pattern but .test(), which the stand-in below provides
  const onlyTested = (text) => text.split('rgiEmojiRegex').length === 3 && text.includes('rgiEmojiRegex.test(');
  return rewrite(
    'emoji-pattern-on-demand',
    filter,
    [
      [
        'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
        "let rgiEmojiPattern;\nconst rgiEmojiRegex = { test: (text) => (rgiEmojiPattern ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };",
      ],
    ],
    onlyTested,
  );
}
