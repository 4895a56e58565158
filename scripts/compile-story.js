// Saves the shipped story, parsed and validated, beside the bundle (dist/compiled-story.json)
// so `pusher play` starts without parsing it; src/story/compiled-story.ts says when it is used.
// The parser is TypeScript, so it is bundled for this one run into a temporary file.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function compileShippedStory(root) {
  const dir = mkdtempSync(join(tmpdir(), 'pusher-compile-'));
  try {
    const outfile = join(dir, 'compile.mjs');
    await build({
      stdin: {
        contents: `export { compileStory } from './src/story/compiled-story.ts'; export { readSource } from './src/cli/load-story.ts';`,
        resolveDir: root,
        loader: 'ts',
      },
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'warning',
    });
    const { compileStory, readSource } = await import(pathToFileURL(outfile).href);
    const text = compileStory(join(root, 'story/main.pusher'), readSource);
    if (text === null) throw new Error('build: the shipped story cannot be compiled (does it parse? `pusher check`)');
    // build output, like the bundle esbuild writes beside it (readable by every user)
    writeFileSync(join(root, 'dist/compiled-story.json'), text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
