#!/usr/bin/env node
// Random keystrokes into the Ink app, no crash allowed.
// Usage: node bench/robustness/random-keys.js [--count N] [--small] [--seed S] [--story FILE] [--json]
//   default 10,000 keys on the shipped story; --small sends 500.
import { flag, loadCore, root } from './launch.js';

const args = process.argv.slice(2);
const count = Number(flag(args, '--count', args.includes('--small') ? 500 : 10_000));
const seed = Number(flag(args, '--seed', 1));
const story = flag(args, '--story', 'story/main.pusher');
process.env.PUSHER_NO_FATE_WARMUP = '1';
const { randomKeys } = await loadCore('keys-core.js');
const started = Date.now();
const result = await randomKeys({ root, count, seed, story });
const seconds = (Date.now() - started) / 1000;
if (args.includes('--json'))
  console.log(JSON.stringify({ ...result, failures: result.failures.length, seconds, seed }));
else {
  console.log(
    `${result.keys.toLocaleString('en-US')} random keys (seed ${seed}) into ${story} in ${seconds.toFixed(0)} s: ${result.sittings} sittings`,
  );
  console.log(
    result.failures.length ? `FAILURES: ${JSON.stringify(result.failures.slice(0, 3), null, 2)}` : 'no crash',
  );
}
process.exitCode = result.failures.length ? 1 : 0;
