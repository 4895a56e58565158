// Computes the fate numbers of a story (the shipped one by default) and stores them in the
// cache the game reads at its ending screen, so the first game already shows "N% of the
// ways this week can go end here". Run after `npm run build`:
//
//   node scripts/warm-fates.js [story.pusher] [--max-states N] [--max-cpu-seconds S]
//
// The cache is $PUSHER_HOME/cache when PUSHER_HOME is set, else the platform's cache folder.
// A story with more states than the limit, or that takes more than S seconds of CPU (default
// 600 here, 120 in the game's background run), is recorded as too big with a sample of
// random weeks. The shipped week ships its numbers beside it instead (story/main.fates).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/pusher.cjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('warm-fates: the build is missing; run `npm run build` first.');
  process.exit(1);
}
const args = process.argv.slice(2);
if (!args.includes('--max-cpu-seconds')) args.push('--max-cpu-seconds', '600');
args.push('--verbose');
const result = spawnSync(process.execPath, [bundle, 'warm-fates', ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
