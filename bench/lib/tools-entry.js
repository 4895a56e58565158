// Bundled with esbuild by bench/lib/bundle.js (it imports the TypeScript sources), then run
// with node. Commands:
//   generate <scenes> <flags> <seed> <out>     write a generated story (src/tools/generate-story.ts)
//   history <story> <paragraphs> <presses>     choices (open-choice numbers) that build at least
//                                              <paragraphs> paragraphs of history without ending,
//                                              then <presses> more, with the frame marker of each
//   first <story> <seed>                        the first scene's last choice label (the first-frame marker)
//   sweep <story> <max-states> <none|exact>     sweeps the states (src/tools/sweep-states.ts): JSON figures
import { readFileSync, writeFileSync } from 'node:fs';
import { generateStory } from '../../src/tools/generate-story.ts';
import { parseStory } from '../../src/story/parse-story.ts';
import { choicesOf, chooseOpen, openSession } from '../../src/play/session.js';
import { sweepStates } from '../../src/tools/sweep-states.ts';

const [command, ...args] = process.argv.slice(2);

function load(path) {
  const result = parseStory(path, (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  });
  if (!result.story) throw new Error(`${path}: ${result.problems.length} problems`);
  return result.story;
}

const paragraphsOf = (session) =>
  session.history.reduce((n, item) => n + (item.kind === 'scene' ? item.paragraphs.length : 0), 0);
const lastOpenLabel = (session) => {
  const { open } = choicesOf(session);
  return open.length ? open[open.length - 1].label : null;
};

/** Depth-first: the first open choice that keeps the game going (never an ending), backtracking when stuck. */
function extend(session, until, budget = { steps: 200_000 }) {
  if (until(session)) return [];
  if (session.step.state.ending || --budget.steps < 0) return null;
  const { open } = choicesOf(session);
  for (let i = 0; i < open.length; i++) {
    const next = chooseOpen(session, i);
    if (typeof next === 'string' || next.step.state.ending) continue;
    const rest = extend(next, until, budget);
    if (rest) return [i + 1, ...rest];
  }
  return null;
}

if (command === 'generate') {
  const [scenes, flags, seed, out] = args;
  writeFileSync(out, generateStory({ scenes: Number(scenes), flags: Number(flags), seed: Number(seed) }));
} else if (command === 'history') {
  const [path, paragraphs, presses, seed] = args;
  const story = load(path);
  const start = openSession(story, { seed: Number(seed ?? 1) }, undefined, true);
  const choices = extend(start, (s) => paragraphsOf(s) >= Number(paragraphs));
  if (!choices) throw new Error(`no run of ${path} reaches ${paragraphs} paragraphs of history`);
  let session = start;
  for (const n of choices) session = chooseOpen(session, n - 1);
  const history = paragraphsOf(session);
  const marker = lastOpenLabel(session);
  // The presses: each takes the first open choice that does not end the game.
  const steps = [];
  for (let k = 0; k < Number(presses); k++) {
    const more = extend(session, (s) => s !== session && s.step.state.taken.length > session.step.state.taken.length);
    if (!more) break;
    session = chooseOpen(session, more[0] - 1);
    steps.push({ key: String(more[0]), marker: lastOpenLabel(session) });
  }
  console.log(JSON.stringify({ choices, paragraphs: history, marker, steps }));
} else if (command === 'first') {
  const [path, seed] = args;
  const story = load(path);
  console.log(JSON.stringify({ marker: lastOpenLabel(openSession(story, { seed: Number(seed) })) }));
} else if (command === 'sweep') {
  const [path, maxStates, mode] = args;
  const story = load(path);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const sweep = sweepStates(story, { maxStates: Number(maxStates), odds: mode === 'exact' });
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      states: sweep.states,
      complete: sweep.complete,
      via: sweep.via,
      widest: sweep.widest,
      moves: sweep.moves,
      wallMs: performance.now() - wall,
      cpuMs: (used.user + used.system) / 1000,
    }),
  );
} else {
  console.error('usage: tools-entry generate|history|first|sweep ...');
  process.exit(2);
}
