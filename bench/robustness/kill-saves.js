#!/usr/bin/env node
// Repeated SIGKILLs during autosave, every save still readable.
// Usage: node bench/robustness/kill-saves.js [--count N] [--small] [--seed S] [--json]
//   default 1,000 kills (about ten minutes here); --small kills 40 times. Needs `npm run build`.
import { flag, loadCore, root } from './launch.js';

const args = process.argv.slice(2);
const count = Number(flag(args, '--count', args.includes('--small') ? 40 : 1000));
const seed = Number(flag(args, '--seed', 1));
const { killWhileSaving } = await loadCore('kill-core.js');
const started = Date.now();
const result = await killWhileSaving({
  root,
  count,
  seed,
  onProgress: (p) => process.stderr.write(`\r${p.kills} kills, ${p.placed} before a rename, ${p.failures} failures   `),
});
process.stderr.write('\n');
const seconds = (Date.now() - started) / 1000;
if (args.includes('--json'))
  console.log(JSON.stringify({ ...result, failures: result.failures.length, seconds, seed }));
else {
  console.log(
    `${result.kills} SIGKILLs in ${seconds.toFixed(0)} s (${result.placed} placed between the temporary file and the rename); autosave present after ${result.autosaves}`,
  );
  console.log(
    result.failures.length
      ? `FAILURES: ${JSON.stringify(result.failures.slice(0, 3), null, 2)}`
      : 'every save and the profile still readable after every kill',
  );
}
process.exitCode = result.failures.length ? 1 : 0;
