// Fuzzed and mutated story files through the parser and the checker (issue 7). Imports the
// TypeScript sources: vitest runs it as is, bench/robustness/fuzz-stories.js bundles it.
// Every input must parse without throwing, in under a second, and give either a story with
// no problems or problems that each point at a real line and column of a file that was read;
// a story that parses is checked (bounded), again without throwing and in under a second.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStory } from '../../src/story/parse-story.ts';
import { formatProblem } from '../../src/story/problem.ts';
import { checkStory } from '../../src/tools/check-story.ts';
import { generateStory } from '../../src/tools/generate-story.ts';

/** A small seeded generator (mulberry32), so a failure names the seed that replays it. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const TOKENS = [
  '@',
  '@id',
  '@title',
  '@start',
  '@clock',
  '@timeout',
  '@var',
  '@flag',
  '@time',
  '@on',
  '@note',
  '@include',
  '===',
  '=== ending',
  '*',
  '->',
  '~',
  '{',
  '}',
  '{if ',
  '|',
  ':',
  '[',
  ']',
  '[5m]',
  '[1d]',
  '[0m]',
  '%',
  '60%',
  '40% ->',
  '#',
  '"',
  '\\',
  '//',
  'locked unless',
  'hidden unless',
  'not',
  'and',
  'or',
  '+=',
  '-=',
  '=',
  '==',
  '>=',
  '<',
  ' in 0..',
  '..',
  '9999999999999999999999',
  '-1',
  '0',
  'NaN',
  'Mon 08:00',
  'Sun 23:59',
  'Wed 25:61',
  'true',
  'false',
  'debt',
  'cash',
  'clock',
  'deadline',
  '\t',
  '\r',
  '\n',
  '\u0000',
  '\u001b[2J',
  '\u00e9',
  '\u{1f600}',
  '\ufeff',
  ' ',
];

function mutate(text, rng, donors) {
  let lines = text.split('\n');
  const count = 1 + rng.int(6);
  for (let i = 0; i < count; i++) {
    const at = rng.int(Math.max(1, lines.length));
    switch (rng.int(10)) {
      case 0: // delete lines
        lines.splice(at, 1 + rng.int(3));
        break;
      case 1: // duplicate a line
        lines.splice(at, 0, lines[rng.int(lines.length)] ?? '');
        break;
      case 2: {
        // swap two lines
        const other = rng.int(lines.length);
        [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
        break;
      }
      case 3: // a line from another story
        lines.splice(at, 0, rng.pick(donors));
        break;
      case 4: {
        // a token dropped into a line
        const line = lines[at] ?? '';
        const col = rng.int(line.length + 1);
        lines[at] = line.slice(0, col) + rng.pick(TOKENS) + line.slice(col);
        break;
      }
      case 5: {
        // characters cut out of a line
        const line = lines[at] ?? '';
        const col = rng.int(line.length + 1);
        lines[at] = line.slice(0, col) + line.slice(col + 1 + rng.int(8));
        break;
      }
      case 6: {
        // a random character replaced
        const line = lines[at] ?? '';
        const col = rng.int(line.length + 1);
        lines[at] =
          line.slice(0, col) + String.fromCharCode(rng.int(rng.next() < 0.8 ? 128 : 0x3000)) + line.slice(col + 1);
        break;
      }
      case 7: // truncate the file
        lines = lines.slice(0, at);
        break;
      case 8: // indentation changed
        lines[at] = rng.next() < 0.5 ? `  ${lines[at] ?? ''}` : (lines[at] ?? '').trimStart();
        break;
      default: {
        // a number made extreme
        lines[at] = (lines[at] ?? '').replace(/\d+/, () => rng.pick(['0', '-5', '99999999999', '1e308', '007', '']));
      }
    }
  }
  return lines.join(rng.next() < 0.05 ? '\r\n' : '\n');
}

/** Lines of tokens, sometimes shaped like the format, sometimes not. */
function noise(rng) {
  const lines = [];
  for (let i = 0, n = rng.int(40); i < n; i++) {
    const words = [];
    for (let j = 0, m = rng.int(8); j < m; j++)
      words.push(rng.next() < 0.6 ? rng.pick(TOKENS) : rng.pick(['kitchen', 'a', 'x1', 'ending_a', 'The', '10m', '1']));
    lines.push(words.join(rng.next() < 0.7 ? ' ' : ''));
  }
  return lines.join('\n');
}

/** The stories mutated: the test fixtures, a small generated one and each file of the shipped week. */
export function seedStories(root) {
  const read = (p) => readFileSync(join(root, p), 'utf8');
  const small = ['tests/fixtures/tiny.pusher', 'tests/fixtures/coin.pusher', 'tests/fixtures/generated-150.pusher'].map(
    (p) => ({ name: p, text: read(p), check: true }),
  );
  small.push({ name: 'generated-40', text: generateStory({ scenes: 40, flags: 6, seed: 5 }), check: true });
  const week = ['main', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => ({
    name: `story/${day}.pusher`,
    text: read(`story/${day}.pusher`),
    check: false,
  }));
  return [...small, ...week];
}

/** Checks one parse result; returns a list of what is wrong with it. */
export function judge(result) {
  const wrong = [];
  if (result.story && result.problems.length) wrong.push('a story and problems at once');
  if (!result.story && !result.problems.length) wrong.push('no story and no problem');
  for (const p of result.problems) {
    const text = result.sources[p.file];
    if (text === undefined) {
      wrong.push(`problem in a file never read: ${p.file}`);
      continue;
    }
    const lines = text.split(/\r?\n/);
    if (!Number.isInteger(p.line) || p.line < 1 || p.line > lines.length)
      wrong.push(`line out of range: ${p.file}:${p.line}`);
    else if (!Number.isInteger(p.col) || p.col < 1 || p.col > lines[p.line - 1].length + 1)
      wrong.push(`column out of range: ${p.file}:${p.line}:${p.col}`);
    if (typeof p.message !== 'string' || !p.message) wrong.push('empty message');
    // every problem belongs to a family of mistakes (src/story/problem-code.ts)
    if (!p.code || p.code === 'story') wrong.push(`no problem code for: ${p.message}`);
    formatProblem(p, result.sources);
  }
  return wrong;
}

/**
 * Runs `count` inputs. Returns a summary: how many parsed, had problems, were checked, the
 * slowest input, and every failure (with its index, seed and text, to replay).
 */
// The checker's bounds: every input's work is bounded by them, so no input can hang; they
// are set so that a story at the limits stays under the one-second budget on this machine.
export function fuzzStories({
  root,
  count,
  from = 0,
  seed = 1,
  limitMs = 1000,
  maxStates = 10_000,
  probeStates = 10_000,
  walks = 200,
  onProgress = null,
}) {
  const seeds = seedStories(root);
  const donors = seeds.flatMap((s) => s.text.split('\n')).filter((l) => l.trim());
  const small = seeds.filter((s) => s.check);
  const week = seeds.filter((s) => !s.check);
  const weekFiles = Object.fromEntries(week.map((s) => [s.name, s.text]));
  const summary = {
    count: 0,
    stories: 0,
    withProblems: 0,
    checked: 0,
    checkProblems: 0,
    slowestMs: 0,
    slowest: null,
    slowestWallMs: 0,
    failures: [],
  };
  for (let i = from; i < from + count; i++) {
    const rng = random(seed * 1_000_003 + i);
    // Mostly the small stories (parsed and checked); the whole week (parsed only) is slower.
    const roll = rng.next();
    const base =
      roll < 0.1 ? { name: 'noise.pusher', text: '', check: true } : roll < 0.85 ? rng.pick(small) : rng.pick(week);
    const text = base.text ? mutate(base.text, rng, donors) : noise(rng);
    // A file of the week is mutated in place and the whole week parsed from main.pusher.
    const files = base.check ? { 'main.pusher': text } : { ...weekFiles, [base.name]: text };
    const entry = base.check ? 'main.pusher' : 'story/main.pusher';
    const fail = (why) => summary.failures.push({ index: i, seed, base: base.name, why, text });
    // The budget is judged on CPU time: this machine is shared, and another process's load
    // stretches the wall clock without any more work being done here. Wall time is kept too.
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let stage = 'parse';
    try {
      const result = parseStory(entry, (path) =>
        Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined,
      );
      for (const why of judge(result)) fail(why);
      if (result.story) summary.stories++;
      else summary.withProblems++;
      if (result.story && base.check) {
        stage = 'check';
        const { report } = checkStory(result.story, maxStates, { witnessWalks: walks, seed: 1, probeStates });
        summary.checked++;
        if (report.problems.length) summary.checkProblems++;
        for (const p of report.problems) {
          if (!p.file || !Number.isInteger(p.line) || p.line < 1 || !Number.isInteger(p.col) || p.col < 1 || !p.message)
            fail(`check problem without a position: ${JSON.stringify(p)}`);
          if (!p.code || p.code === 'story') fail(`check problem without a code: ${p.message}`);
        }
      }
    } catch (error) {
      fail(`${stage} threw: ${error instanceof Error ? error.stack : String(error)}`);
    }
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const ms = (cpu.user + cpu.system) / 1000;
    summary.slowestWallMs = Math.max(summary.slowestWallMs, wallMs);
    if (ms > summary.slowestMs) {
      summary.slowestMs = ms;
      summary.slowest = { index: i, base: base.name };
    }
    if (ms > limitMs)
      fail(`took ${ms.toFixed(0)} ms of CPU (limit ${limitMs} ms; ${wallMs.toFixed(0)} ms on the clock)`);
    summary.count++;
    if (onProgress && summary.count % 1000 === 0) onProgress(summary);
  }
  return summary;
}
