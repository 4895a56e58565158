// dist/pusher.cjs, which bin/pusher.js requires: it runs the commands (dist/commands.cjs, from
// entry.ts) through a V8 code cache kept in the game's cache folder, as the Ink UI is run
// (code-cache.ts says why). A start then skips compiling the commands' code: commander, the
// story loader, the save store. Kept small, since it is compiled at every start.
import { fileURLToPath } from 'node:url';
import { appFolder } from '../save/data-dir.js';
import { runCachedScript } from './code-cache.js';
import type * as Commands from './entry.js';

const COMMANDS_URL = new URL('./commands.cjs', import.meta.url);

const commands = runCachedScript<typeof Commands>(fileURLToPath(COMMANDS_URL), appFolder('cache'));
commands.exports.run(process.argv, { saveCodeCache: commands.save });
