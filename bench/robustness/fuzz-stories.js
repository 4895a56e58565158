#!/usr/bin/env node
// Fuzzed and mutated story files through the parser and the checker.
// Usage: node bench/robustness/fuzz-stories.js [--count N] [--small] [--seed S] [--json]
//   default 100,000 inputs (about an hour here); --small runs 1,000.
// Exit 0 when every input passed; 1 with the failures (each replayable by its index and seed).
import { writeFileSync } from 'node:fs';
import { flag, loadCore, root } from './launch.js';

const args = process.argv.slice(2);
const count = Number(flag(args, '--count', args.includes('--small') ? 1000 : 100_000));
const seed = Number(flag(args, '--seed', 1));
const { fuzzStories } = await loadCore('fuzz-core.js');
const started = Date.now();
const summary = fuzzStories({
  root,
  count,
  seed,
  onProgress: (s) =>
    process.stderr.write(
      `\r${s.count.toLocaleString('en-US')} inputs, ${s.failures.length} failures, slowest ${s.slowestMs.toFixed(0)} ms   `,
    ),
});
const seconds = (Date.now() - started) / 1000;
process.stderr.write('\n');
if (summary.failures.length) writeFileSync('fuzz-failures.json', JSON.stringify(summary.failures, null, 2));
const { failures, ...rest } = summary;
const line = { ...rest, failures: failures.length, seconds, seed };
if (args.includes('--json')) console.log(JSON.stringify(line));
else {
  console.log(
    `${summary.count.toLocaleString('en-US')} inputs (seed ${seed}) in ${seconds.toFixed(0)} s: ${summary.stories} parsed to a story (${summary.checked} checked, ${summary.checkProblems} with check problems), ${summary.withProblems} with positioned problems`,
  );
  console.log(
    `slowest input: ${summary.slowestMs.toFixed(0)} ms of CPU (#${summary.slowest?.index}, from ${summary.slowest?.base}); slowest on the clock ${summary.slowestWallMs.toFixed(0)} ms`,
  );
  console.log(
    failures.length
      ? `${failures.length} FAILURES, written to fuzz-failures.json; first: ${failures[0].why}`
      : 'no crash, no input over 1 s, every problem positioned',
  );
}
process.exitCode = failures.length ? 1 : 0;
