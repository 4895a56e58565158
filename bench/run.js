#!/usr/bin/env node
// Benchmarks: each command runs several times; we report the median wall time and its
// ratio to a bare `node -e 0` measured in the same run, so results compare across machines.
// Usage: npm run bench [-- --json] [-- --runs N]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const pusher = ['bin/pusher.js'];

const benchmarks = [
  { name: 'baseline: node -e 0', argv: ['-e', '0'] },
  { name: 'pusher --help', argv: [...pusher, '--help'] },
  { name: 'plain player to first prompt', argv: [...pusher, 'play', 'tests/fixtures/tiny.pusher', '--plain', '--seed', '1'], stdin: '' },
  { name: 'check generated story (150 scenes, 20 flags)', argv: [...pusher, 'check', 'tests/fixtures/generated-150.pusher'] },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(benchmark) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, benchmark.argv, { cwd: root, input: benchmark.stdin ?? '', stdio: ['pipe', 'ignore', 'ignore'] });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`${benchmark.name} exited ${result.status}`);
  }
  return median(samples);
}

const results = benchmarks.map((benchmark) => ({ name: benchmark.name, medianMs: time(benchmark) }));
const baseline = results[0].medianMs;
for (const result of results) result.ratio = result.medianMs / baseline;
if (json) console.log(JSON.stringify({ runs, node: process.version, results }, null, 2));
else {
  console.log(`median of ${runs} runs, node ${process.version}`);
  for (const r of results) console.log(`${r.medianMs.toFixed(1).padStart(9)} ms  ${r.ratio.toFixed(2).padStart(6)}x  ${r.name}`);
}
