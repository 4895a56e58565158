// dist/pusher.cjs, which bin/pusher.js requires: it runs the commands (dist/commands.cjs, from
// entry.ts) through a V8 code cache kept in the game's cache folder, as the Ink UI is run
// (code-cache.ts says why). A start then skips compiling the commands' code: commander, the
// story loader, the save store. Kept small, since it is compiled at every start.
import { fileURLToPath } from 'node:url';
import { appFolder } from '../save/data-dir.js';
import { runCachedScript, type CachedScript } from './code-cache.js';
import { EXIT_FAILURE } from './exit-codes.js';
import type * as Commands from './entry.js';

const COMMANDS_URL = new URL('./commands.cjs', import.meta.url);

let commands: CachedScript<typeof Commands>;
try {
  commands = runCachedScript<typeof Commands>(fileURLToPath(COMMANDS_URL), appFolder('cache'));
} catch (error) {
  // a build cut short or a damaged install: say so, without a stack trace
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `pusher: the build is incomplete or damaged (${reason}); run \`npm run build\` (npm ci does it for you).`,
  );
  process.exit(EXIT_FAILURE);
}
commands.exports.run(process.argv, { saveCodeCache: commands.save });
