import type { Story } from '../story/types.js';
import { checkStory, type CheckReport } from '../tools/check-story.js';
import { randomRuns, type RandomRunsReport } from '../tools/random-runs.js';
import { formatProblem } from '../story/problem.js';
import { groupThousands } from '../story/format-value.js';
import { defaultStoryPath, parseStoryFile } from './load-story.js';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.js';

export interface CheckOptions {
  json?: boolean;
  maxStates: number;
  random?: number;
  seed?: number;
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const EMPTY_REPORT = { ok: false, proven: false, scenes: 0, choices: 0, endings: [], words: 0, gates: 0, states: 0 };

/** `pusher check [file]`: parse, validate, then prove by exploring every reachable state. */
export function runCheck(file: string | undefined, options: CheckOptions, io: Output): number {
  const path = file ?? defaultStoryPath();
  const parsed = parseStoryFile(path);
  if (!parsed.story) {
    if (options.json) io.out(JSON.stringify({ ...EMPTY_REPORT, problems: parsed.problems }, null, 2));
    else {
      io.err(parsed.problems.map((problem) => formatProblem(problem, parsed.sources)).join('\n\n'));
      io.err(`\n${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'} in ${path}.`);
    }
    return EXIT_BAD_INPUT;
  }
  if (options.random !== undefined) return runRandom(parsed.story, options, io);

  const { report, exploration } = checkStory(parsed.story, options.maxStates);
  if (options.json) io.out(JSON.stringify(report, null, 2));
  else {
    if (report.problems.length) io.err(report.problems.map((problem) => formatProblem(problem, parsed.sources)).join('\n\n') + '\n');
    io.out(summaryLine(path, report));
    if (!report.proven) io.out(statesByScene(exploration.nodes));
  }
  return report.ok ? EXIT_OK : EXIT_BAD_INPUT;
}

function summaryLine(path: string, report: CheckReport): string {
  const reached = report.endings.filter((ending) => ending.reachable).length;
  const verdict = report.ok ? 'proved: every path ends' : report.proven ? `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}` : 'unproven';
  return [
    `${path}: ${verdict}.`,
    `  ${report.scenes} scenes, ${report.choices} choices (${report.gates} gated), ${groupThousands(report.words)} words`,
    `  ${reached} of ${report.endings.length} endings reachable, ${groupThousands(report.states)} states explored`,
  ].join('\n');
}

function runRandom(story: Story, options: CheckOptions, io: Output): number {
  const seed = options.seed ?? 1;
  const report = randomRuns(story, options.random!, seed);
  if (options.json) {
    io.out(JSON.stringify(report, null, 2));
    return EXIT_OK;
  }
  io.out(formatRandomReport(report));
  return report.stuck ? EXIT_BAD_INPUT : EXIT_OK;
}

export function formatRandomReport(report: RandomRunsReport): string {
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  const width = Math.max(...report.endings.map((ending) => ending.title.length), 5);
  const lines = [`${groupThousands(report.runs)} random runs, seed ${report.seed}:`];
  for (const ending of [...report.endings].sort((a, b) => b.runs - a.runs)) {
    lines.push(`  ${percent(ending.share)}  ${ending.title.padEnd(width)}  (${ending.id}, ${groupThousands(ending.runs)} runs)`);
  }
  if (report.stuck) lines.push(`  ${percent(report.stuck / report.runs)}  stuck at a dead end (${report.stuck} runs)`);
  const { choices, days } = report.length;
  lines.push(`  length: ${choices.min}/${choices.median}/${choices.max} choices, ${days.min}/${days.median}/${days.max} days (min/median/max)`);
  lines.push(`  final debt: ${groupThousands(report.debt.min)} to ${groupThousands(report.debt.max)} kr`);
  if (report.scenesNeverReached.length) lines.push(`  scenes never reached: ${report.scenesNeverReached.join(', ')}`);
  if (report.choicesNeverTaken.length) lines.push(`  choices never taken: ${report.choicesNeverTaken.length}`);
  return lines.join('\n');
}

/** Where the states pile up, for an author whose story is too big to prove: the top scenes. */
function statesByScene(nodes: Array<{ scene: string }>): string {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.scene, (counts.get(node.scene) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return ['  states by scene (most first):', ...top.map(([scene, n]) => `    ${groupThousands(n).padStart(9)}  ${scene}`)].join('\n');
}
