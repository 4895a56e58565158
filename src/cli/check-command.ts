import type { Story } from '../story/types.js';
import { moneyMeter, type MoneyMeter } from '../engine/meters.js';
import { checkStory, type CheckReport } from '../tools/check-story.js';
import type { Witness } from '../tools/witness-run.js';
import { randomRuns, type RandomRunsReport } from '../tools/random-runs.js';
import { compareProblems, formatProblem, type Problem } from '../story/problem.js';
import { groupThousands } from '../story/format-value.js';
import { compiledShippedStory, defaultStoryPath, parseStoryFile, readSource } from './load-story.js';
import { parseWitnessFile } from '../tools/witness-file.js';
import { saveWitnesses } from './save-witnesses.js';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.js';
import { runFates } from './fates-command.js';
import { runSaveFates } from './save-fates-command.js';
import type { ReportResult } from './report-result.js';
import { progressBar } from './progress-bar.js';
import { collectWarnings } from '../tools/warnings/collect-warnings.js';
import type { Warning, WarningsJudged } from '../tools/warnings/warning.js';
import { stripControl } from '../text/strip-control.js';
import { runPersonas } from './personas-command.js';
import { runMetrics } from './metrics-command.js';
import { jsonDocument } from './json-output.js';
import { safeLine } from '../text/safe-text.js';

/** `check --walks` unless told: guided runs for the proof by witnesses, and for saving them. */
export const DEFAULT_WALKS = 20_000;

/** States the proof walks before it turns to witnesses, unless told (--max-states). */
export const PROOF_MAX_STATES = 1_000_000;
/** States `--fates` may sweep unless told: memory is the real bound (sweep-budget.ts). */
export const FATES_MAX_STATES = 500_000_000;

export interface CheckOptions {
  json?: boolean;
  /** default PROOF_MAX_STATES, or FATES_MAX_STATES with --fates */
  maxStates?: number;
  /** --fates without exact fractions: doubles and an error bound */
  approximate?: boolean;
  /** guided runs for the proof by witnesses when the states are too many to walk */
  walks?: number;
  random?: number;
  seed?: number;
  /** the exact odds and route counts of every ending */
  fates?: boolean;
  /** the witness file's path; false (--no-witnesses) ignores it; unset is beside the story */
  witnesses?: string | boolean;
  saveWitnesses?: boolean;
  /** write the ending screen's numbers beside the story (save-fates-command.ts) */
  saveFates?: boolean;
  /** warnings are problems: exit 2 when there are any */
  strict?: boolean;
  /** seeded runs per declared persona, and where they end */
  personas?: boolean;
  /** seeded runs measured: clock overruns, alike choices, rare text */
  metrics?: boolean;
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** where long runs draw a progress bar; only a terminal gets one */
  progress?: NodeJS.WriteStream;
}

const EMPTY_REPORT = {
  ok: false,
  proven: false,
  scenes: 0,
  choices: 0,
  endings: [],
  words: 0,
  gates: 0,
  states: 0,
  warnings: [],
};

/** `pusher check [file]`: parse, validate, then prove by exploring every reachable state. */
export function runCheck(file: string | undefined, options: CheckOptions, io: Output): number {
  const path = file ?? defaultStoryPath();
  // The shipped story unchanged since the build: no need to parse it again.
  const compiled = compiledShippedStory(path);
  const parsed = compiled ? { story: compiled, problems: [], sources: compiled.sources } : parseStoryFile(path);
  if (!parsed.story) {
    // When every problem leaves the story playable, walk it too: its dead ends are told in the same run.
    const problems = [
      ...parsed.problems,
      ...(parsed.playable ? walkProblems(parsed.playable, options.maxStates ?? PROOF_MAX_STATES) : []),
    ].sort(compareProblems);
    if (options.json) io.out(jsonDocument('check', { ...EMPTY_REPORT, problems }));
    else {
      io.err(problems.map((problem) => formatProblem(problem, parsed.sources)).join('\n\n'));
      io.err(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${safeLine(path, 200)}.`);
    }
    return EXIT_BAD_INPUT;
  }
  if (options.saveFates) {
    const saved = runSaveFates(path, parsed.story, { ...options, maxStates: options.maxStates ?? FATES_MAX_STATES });
    if (options.json) io.out(jsonDocument('check', { saveFates: saved.json }));
    else if (saved.text) io.out(saved.text);
    return saved.code;
  }
  if (options.random !== undefined || options.fates || options.personas || options.metrics)
    return runReports(path, parsed.story, { ...options, maxStates: options.maxStates ?? FATES_MAX_STATES }, io);
  const maxStates = options.maxStates ?? PROOF_MAX_STATES;

  const witnessPath = typeof options.witnesses === 'string' ? options.witnesses : witnessFileBeside(path);
  // --no-witnesses proves from scratch; with --save-witnesses the new runs still go to the file.
  const stored = options.witnesses === false ? [] : readWitnesses(witnessPath, io);
  const walks = options.walks ?? 0;
  const { report, exploration, coverage } = checkStory(parsed.story, maxStates, {
    witnessWalks: walks,
    seed: options.seed,
    stored,
  });
  const { warnings, judged } = collectWarnings(
    parsed.story,
    report.method === 'exhaustive' ? { kind: 'walk', maxStates } : { kind: 'runs', runs: stored, coverage },
  );
  const ok = report.ok && !(options.strict && warnings.length);
  if (options.json) io.out(jsonDocument('check', { ...report, ok, warnings, warningsJudged: judged }));
  else {
    if (report.problems.length)
      io.err(report.problems.map((problem) => formatProblem(problem, parsed.sources)).join('\n\n') + '\n');
    if (warnings.length) io.err(warnings.map((warning) => formatWarning(warning, parsed.sources)).join('\n\n') + '\n');
    io.out(summaryLine(path, report, witnessPath));
    io.out(warningsLine(warnings, judged, options.strict ?? false));
    if (!report.ok && exploration && report.states >= maxStates) io.out(statesByScene(exploration.statesByScene));
  }
  const note = (text: string) => (options.json ? io.err(text) : io.out(text));
  if (options.saveWitnesses) {
    // --walks 0 means no search for the proof, but the runs to save still have to be found
    const saved = saveWitnesses(witnessPath, parsed.story, coverage, {
      walks: walks || DEFAULT_WALKS,
      seed: options.seed ?? 1,
    });
    note(`  saved ${plural(saved, 'run')} to ${witnessPath}; the next check replays them`);
  } else if (report.ok && report.method === 'witnesses' && report.walks > 0) {
    note(`  to replay these runs next time instead of searching: pusher check --save-witnesses`);
  }
  return ok ? EXIT_OK : EXIT_BAD_INPUT;
}

/** Like a problem, `file:line:col: warning (kind): message` with the line and a caret, then the path. */
export function formatWarning(warning: Warning, sources: Record<string, string>): string {
  const shown = formatProblem({ ...warning, message: `warning (${warning.kind}): ${warning.message}` }, sources);
  return warning.path === undefined ? shown : `${shown}\n  path: ${stripControl(warning.path)}`;
}

/** `  3 warnings (time-label 2, same-result 1), judged on all 41 states and by reading the story` */
function warningsLine(warnings: Warning[], judged: WarningsJudged, strict: boolean): string {
  const counts = new Map<string, number>();
  for (const warning of warnings) counts.set(warning.kind, (counts.get(warning.kind) ?? 0) + 1);
  const kinds = [...counts].map(([kind, n]) => `${kind} ${groupThousands(n)}`).join(', ');
  const on =
    judged.method === 'every-state'
      ? `all ${plural(judged.states, 'reachable state')}`
      : judged.method === 'runs'
        ? `${plural(judged.states, 'state')} along ${plural(judged.runs, 'run')} of the proof (too many states to judge them all)`
        : `the first ${plural(judged.states, 'state')} only (the walk stopped at --max-states)`;
  const what = warnings.length ? `${plural(warnings.length, 'warning')} (${kinds})` : 'no warnings';
  return `  ${what}, judged on ${on} and by reading the story${strict && warnings.length ? '; --strict: they count as problems' : ''}`;
}

/** `story/main.pusher` → `story/main.witnesses` */
export function witnessFileBeside(storyPath: string): string {
  return storyPath.replace(/(\.pusher)?$/, '.witnesses');
}

/** The runs of a witness file; none when there is no file, and a note when it is not one. */
function readWitnesses(path: string, io: Output): Witness[] {
  const text = readSource(path);
  if (text === undefined) return [];
  const file = parseWitnessFile(text);
  if (file.ok) return file.runs;
  io.err(`${safeLine(path, 200)}: ignored, ${safeLine(file.reason, 200)}; proving without it`);
  return [];
}

function summaryLine(path: string, report: CheckReport, witnessPath: string): string {
  const reached = report.endings.filter((ending) => ending.reachable).length;
  const problems = `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`;
  const verdict = report.ok
    ? 'proved: every path ends'
    : report.proven || report.method === 'witnesses'
      ? problems
      : 'unproven';
  const stale = report.stale
    ? `; ${groupThousands(report.stale)} of ${plural(report.replayed, 'stored run')} no longer fit the story`
    : '';
  const how =
    report.method === 'exhaustive'
      ? `${groupThousands(report.states)} states explored, all of them`
      : report.walks === 0
        ? `proved by construction and by replaying ${plural(report.replayed, 'stored run')} (${witnessPath})`
        : report.states === 0
          ? `proved by construction, by replaying ${plural(report.replayed, 'stored run')} (${witnessPath}) and by ${groupThousands(report.walks)} guided runs for what they no longer show`
          : `too many states to walk (stopped at ${groupThousands(report.states)}): proved by construction and by ${groupThousands(report.walks)} guided runs`;
  return [
    `${safeLine(path, 200)}: ${verdict}.`,
    `  ${plural(report.scenes, 'scene')}, ${plural(report.choices, 'choice')} (${report.gates} gated), ${groupThousands(report.words)} words`,
    `  ${reached} of ${plural(report.endings.length, 'ending')} reachable; ${how}${stale}`,
  ].join('\n');
}

/** `--random`, `--fates`, `--personas` and `--metrics`: their texts, or with --json one object. */
function runReports(path: string, story: Story, options: CheckOptions & { maxStates: number }, io: Output): number {
  const results: Array<[string, ReportResult]> = [];
  if (options.random !== undefined) results.push(['random', runRandom(story, options, io)]);
  if (options.fates) results.push(['fates', runFates(path, story, options)]);
  if (options.personas) results.push(['personas', runPersonas(path, story, options)]);
  if (options.metrics) results.push(['metrics', runMetrics(path, story, options)]);
  if (options.json) {
    // One shape whatever was asked (docs/json.md): the personas' keys at the top level, as
    // the proof's are; each other report under its own name.
    const body: Record<string, unknown> = {};
    for (const [key, result] of results) {
      if (key === 'personas') Object.assign(body, result.json);
      else body[key] = result.json;
    }
    io.out(jsonDocument('check', body));
  } else {
    for (const [, result] of results) {
      if (result.error) io.err(result.error);
      if (result.text) io.out(result.text);
    }
  }
  return Math.max(...results.map(([, result]) => result.code));
}

function runRandom(story: Story, options: CheckOptions, io: Output): ReportResult {
  const seed = options.seed ?? 1;
  const runs = options.random!;
  const bar = io.progress ? progressBar(io.progress, runs, `${groupThousands(runs)} random runs`) : null;
  const report = randomRuns(story, runs, seed, bar?.tick);
  bar?.done();
  return {
    code: report.stuck ? EXIT_BAD_INPUT : EXIT_OK,
    json: report,
    text: formatRandomReport(report, moneyMeter(story)),
    error: null,
  };
}

export function formatRandomReport(report: RandomRunsReport, money: MoneyMeter | null = null): string {
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  const title = (ending: { title: string }) => safeLine(ending.title, 60);
  const width = report.endings.reduce((most, ending) => Math.max(most, title(ending).length), 5);
  const lines = [`${groupThousands(report.runs)} random runs, seed ${report.seed}:`];
  for (const ending of [...report.endings].sort((a, b) => b.runs - a.runs)) {
    lines.push(
      `  ${percent(ending.share)}  ${title(ending).padEnd(width)}  (${safeLine(ending.id, 60)}, ${groupThousands(ending.runs)} runs)`,
    );
  }
  if (report.stuck) lines.push(`  ${percent(report.stuck / report.runs)}  stuck at a dead end (${report.stuck} runs)`);
  const { choices, days } = report.length;
  lines.push(
    `  length: ${choices.min}/${choices.median}/${choices.max} choices, ${days.min}/${days.median}/${days.max} days (min/median/max)`,
  );
  if (money) {
    const unit = money.unit ? ` ${money.unit}` : '';
    lines.push(
      `  final ${money.label.toLowerCase()}: ${groupThousands(report.debt.min)} to ${groupThousands(report.debt.max)}${unit}`,
    );
  }
  if (report.scenesNeverReached.length)
    lines.push(`  scenes never reached (${report.scenesNeverReached.length}): ${listSome(report.scenesNeverReached)}`);
  if (report.choicesNeverTaken.length)
    lines.push(`  choices never taken (${report.choicesNeverTaken.length}): ${listSome(report.choicesNeverTaken)}`);
  return lines.join('\n');
}

const LISTED = 20;

/** The first few ids of a long list, then how many more (--json has them all). */
function listSome(ids: string[]): string {
  const shown = ids.slice(0, LISTED).map((id) => safeLine(id, 80));
  return ids.length <= LISTED ? shown.join(', ') : `${shown.join(', ')} and ${ids.length - LISTED} more`;
}

/** Where the states pile up, for an author whose story is too big to prove: the top scenes. */
function statesByScene(counts: ReadonlyMap<string, number>): string {
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return [
    '  states by scene (most first):',
    ...top.map(([scene, n]) => `    ${groupThousands(n).padStart(9)}  ${scene}`),
  ].join('\n');
}

function plural(n: number, word: string): string {
  return `${groupThousands(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** What a walk of a story with (playable) static problems finds: dead ends and the like. */
function walkProblems(story: Story, maxStates: number): Problem[] {
  const { report } = checkStory(story, maxStates);
  return report.problems.filter((problem) => !/is unreachable|never reached in play/.test(problem.message));
}
