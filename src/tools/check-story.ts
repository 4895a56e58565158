import type { SourcePos, Story } from '../story/types.js';
import type { Problem } from '../story/problem.js';
import { problemAt } from '../story/problem.js';
import { sweepStates, type SweepResult } from './sweep-states.js';
import { constructStats, countChoices, countWords, endingIds, type ConstructStats } from './story-stats.js';
import { searchWitnesses, type SearchResult } from './witness-search.js';
import { alwaysLeaves } from '../story/walk-statements.js';
import { emptyCoverage, type Coverage } from './coverage.js';
import { replayWitness } from './replay-witness.js';
import { choicesOf, type Witness } from './witness-run.js';

export interface CheckReport {
  /** proven: every reachable state leads on, every ending, scene and choice is reachable */
  ok: boolean;
  /** false when the state limit stopped the search before it was done */
  proven: boolean;
  scenes: number;
  choices: number;
  endings: Array<{ id: string; title: string; reachable: boolean }>;
  words: number;
  /** choices whose condition is false in some reachable state and true in another */
  gates: number;
  /** states walked (0 when stored runs proved the story without a walk) */
  states: number;
  /**
   * how the proof was made: `exhaustive` walked every reachable state; `witnesses` rests on
   * construction (every choice costs time and the week ends, so every path ends; every scene
   * keeps a choice with no condition, so none can dead-end) and on runs, replayed through the
   * engine, that reach every scene and ending and open every choice
   */
  method: 'exhaustive' | 'witnesses';
  /** stored runs replayed, and how many of them no longer fit the story */
  replayed: number;
  stale: number;
  /** guided runs played by the witness search (0 when it did not search); it stops once nothing is missing */
  walks: number;
  /** the writer's constructs the story uses: once-only choices, counts read, tunnels, varied text, meters */
  constructs: ConstructStats;
  problems: Problem[];
}

export interface CheckOptions {
  /** when the exhaustive walk stops at maxStates, prove by witnesses with this many guided runs (0: don't) */
  witnessWalks?: number;
  seed?: number;
  /** states the search's exhaustive probes may walk in all (default: maxStates, at least 25,000) */
  probeStates?: number;
  /**
   * runs from a witness file. They are replayed first; when they show everything and no
   * scene could dead-end, that is the proof, with no walk and no search. Otherwise what they
   * show is kept and the usual proof looks for the rest.
   */
  stored?: readonly Witness[];
}

export interface CheckResult {
  report: CheckReport;
  /** the exhaustive walk, when one was made */
  exploration: SweepResult | null;
  /** what the runs of a proof by witnesses showed, each with its run (null when exhaustive) */
  coverage: Coverage | null;
}

const MAX_DEAD_ENDS_REPORTED = 20;
// By default the witness search's probes may walk as many states as the exhaustive walk
// was allowed, and at least this many: a story just past a small limit still gets real probes.
const MIN_PROBE_STATES = 25_000;

function describePath(path: string[]): string {
  return path.length ? path.join(' > ') : '(at the start)';
}

/**
 * Proves a parsed story. Stored runs (a witness file) are replayed first and are the proof
 * when they show everything. Otherwise the story's whole reachable state space is walked:
 * every dead end, ending never reached, scene never entered and choice never open is a
 * problem, with the shortest path of choices that shows it. Past maxStates, the proof is by
 * witnesses (see proveByWitnesses). With stored runs that no longer show everything, the
 * search for the rest comes before the walk, which it usually makes unnecessary.
 */
export function checkStory(story: Story, maxStates: number, options: CheckOptions = {}): CheckResult {
  const stored = options.stored ?? [];
  const walks = options.witnessWalks ?? 0;
  const replayed = replayStored(story, stored);
  const counts = (coverage: { walks: number } | null): ProofCounts => ({
    walks: coverage?.walks ?? 0,
    replayed: stored.length,
    stale: replayed.stale,
  });
  const search = () =>
    searchWitnesses(story, walks, options.seed ?? 1, {
      known: replayed.coverage,
      probeStates: options.probeStates ?? Math.max(maxStates, MIN_PROBE_STATES),
    });

  let searched: SearchResult | null = null;
  if (stored.length) {
    const proof = proveByWitnesses(story, null, replayed.coverage, counts(null));
    if (proof.ok) return { report: proof, exploration: null, coverage: replayed.coverage };
    // Stored runs usually mean the story is too big to walk: after an edit, look for what
    // they no longer show before spending the walk.
    if (walks > 0) {
      searched = search();
      const found = proveByWitnesses(story, null, searched, counts(searched));
      if (found.ok) return { report: found, exploration: null, coverage: searched };
    }
  }
  const exploration = sweepStates(story, { maxStates, paths: true });
  if (!exploration.complete && walks > 0) {
    const coverage = searched ?? search();
    return { report: proveByWitnesses(story, exploration, coverage, counts(coverage)), exploration, coverage };
  }
  return { report: proveByWalking(story, exploration, maxStates, counts(null)), exploration, coverage: null };
}

/** The proof by the exhaustive walk: exact when the walk was complete, else "unproven". */
function proveByWalking(story: Story, exploration: SweepResult, maxStates: number, counts: ProofCounts): CheckReport {
  const problems: Problem[] = [];
  if (!exploration.complete) {
    problems.push(
      problemAt(
        topOf(story),
        `unproven: stopped after ${maxStates.toLocaleString('en-US')} states (raise --max-states)`,
      ),
    );
  }
  const reachedEndings = endingsReached(exploration);
  problems.push(...deadEndProblems(story, exploration));

  if (exploration.complete) {
    for (const id of story.sceneOrder) {
      const scene = story.scenes[id]!;
      if (scene.ending && !reachedEndings.has(id))
        problems.push(problemAt(scene.pos, `ending '${id}' is never reached`));
      else if (!scene.ending && !exploration.scenesEntered.has(id))
        problems.push(problemAt(scene.pos, `scene '${id}' is never reached in play`));
      for (const choice of scene.choices) {
        if (exploration.firstOpen.has(choice.id) || !exploration.scenesEntered.has(id)) continue;
        const at = exploration.firstClosed.get(choice.id);
        const where = at === undefined ? '' : `; its scene is reached by: ${describePath(exploration.pathTo(at))}`;
        problems.push(problemAt(choice.pos, `choice '${choice.id}' is never available${where}`));
      }
    }
  }

  return assembleReport(story, exploration, problems, {
    proven: exploration.complete,
    reachedEndings,
    open: new Set(exploration.firstOpen.keys()),
    closed: new Set(exploration.firstClosed.keys()),
    method: 'exhaustive',
    ...counts,
  });
}

/** Replays stored runs; what they show is kept even from runs that stopped fitting. */
function replayStored(story: Story, runs: readonly Witness[]): { coverage: Coverage; stale: number } {
  const coverage = emptyCoverage();
  let stale = 0;
  for (const run of runs) if (!replayWitness(story, run, coverage)) stale++;
  return { coverage, stale };
}

function topOf(story: Story): SourcePos {
  return { file: Object.keys(story.sources)[0] ?? story.id, line: 1, col: 1 };
}

function endingsReached(exploration: SweepResult | null): Set<string> {
  return new Set(exploration?.endingsReached ?? []);
}

/**
 * The dead ends a walk met, one problem per scene, the scenes reached soonest first: how many
 * states stick there and the shortest path to one, chance branches named. Past the first
 * few scenes, a count.
 */
function deadEndProblems(story: Story, exploration: SweepResult | null): Problem[] {
  if (!exploration) return [];
  const byScene = new Map<string, { node: number; depth: number; count: number }>();
  for (const { state: index, scene } of exploration.deadEnds) {
    const depth = exploration.depthOf(index);
    const known = byScene.get(scene);
    if (!known) byScene.set(scene, { node: index, depth, count: 1 });
    else {
      known.count++;
      if (depth < known.depth) Object.assign(known, { node: index, depth });
    }
  }
  const groups = [...byScene].sort((a, b) => a[1].depth - b[1].depth);
  const problems = groups.slice(0, MAX_DEAD_ENDS_REPORTED).map(([id, group]) => {
    const scene = story.scenes[id]!;
    const states = group.count === 1 ? '' : ` (${group.count.toLocaleString('en-US')} states)`;
    return problemAt(
      scene.pos,
      `dead end: no choice is open in '${scene.id}'${states}; shortest path: ${describePath(exploration.pathTo(group.node))}`,
    );
  });
  if (groups.length > MAX_DEAD_ENDS_REPORTED) {
    problems.push(
      problemAt(topOf(story), `dead ends in ${groups.length - MAX_DEAD_ENDS_REPORTED} more scenes not listed`),
    );
  }
  return problems;
}

/** How many runs a proof replayed and played (CheckReport's fields of the same names). */
interface ProofCounts {
  walks: number;
  replayed: number;
  stale: number;
}

/** The report both proofs give: the story's counts, and what each proof found. */
function assembleReport(
  story: Story,
  exploration: SweepResult | null,
  problems: Problem[],
  found: {
    proven: boolean;
    reachedEndings: Set<string>;
    open: Set<string>;
    closed: Set<string>;
    method: CheckReport['method'];
  } & ProofCounts,
): CheckReport {
  return {
    ok: problems.length === 0,
    proven: found.proven,
    scenes: story.sceneOrder.length,
    choices: countChoices(story),
    endings: endingIds(story).map((id) => ({
      id,
      title: story.scenes[id]!.ending!.title,
      reachable: found.reachedEndings.has(id),
    })),
    words: countWords(story),
    gates: [...found.open].filter((id) => found.closed.has(id)).length,
    states: exploration?.states ?? 0,
    method: found.method,
    replayed: found.replayed,
    stale: found.stale,
    walks: found.walks,
    constructs: constructStats(story),
    problems,
  };
}

/**
 * Scenes where every choice has a condition and the body may not leave: only these could
 * ever be dead ends, since a choice with no condition is open in every state.
 */
export function scenesThatCouldDeadEnd(story: Story): string[] {
  return story.sceneOrder.filter((id) => {
    const scene = story.scenes[id]!;
    if (scene.ending || alwaysLeaves(scene.body)) return false;
    return !scene.choices.some((choice) => choice.hiddenUnless.length === 0 && choice.lockedUnless.length === 0);
  });
}

function describeWitness(witness: Witness): string {
  return `--seed ${witness.seed}, choices: ${describePath(choicesOf(witness))}`;
}

/**
 * The proof for a story with too many states to walk. Every path ends by construction (the
 * validator has seen that every choice costs time, that no jumps loop without a choice, and
 * the week has an end). No dead end is possible where a scene keeps a choice with no
 * condition; scenes without one must be shown safe some other way, so they are problems.
 * Everything else that check promises (every scene, ending and choice reachable) is shown
 * by witnesses: concrete runs, replayed from a witness file or found by a guided search.
 * What no run reaches is reported as not shown, which is a problem until a run shows it.
 */
function proveByWitnesses(
  story: Story,
  exploration: SweepResult | null,
  coverage: Coverage,
  counts: ProofCounts,
): CheckReport {
  const problems: Problem[] = [];
  for (const id of scenesThatCouldDeadEnd(story)) {
    problems.push(
      problemAt(
        story.scenes[id]!.pos,
        `too many states to rule out a dead end in '${id}': every choice here has a condition; give one choice none, or raise --max-states`,
      ),
    );
  }
  problems.push(...deadEndProblems(story, exploration));
  for (const stuck of coverage.stuck.slice(0, MAX_DEAD_ENDS_REPORTED)) {
    problems.push(problemAt(story.scenes[story.start]!.pos, `dead end reached: ${describeWitness(stuck)}`));
  }
  const reachedEndings = new Set([...coverage.endings.keys(), ...endingsReached(exploration)]);
  const entered = new Set([...coverage.scenes.keys(), ...(exploration?.scenesEntered ?? [])]);
  const open = new Set([...coverage.open.keys(), ...(exploration?.firstOpen.keys() ?? [])]);
  const closed = new Set([...coverage.closed.keys(), ...(exploration?.firstClosed.keys() ?? [])]);
  const notShown = counts.walks
    ? `not shown reachable by ${counts.walks.toLocaleString('en-US')} guided runs (raise --walks, or make it easier to reach)`
    : 'not shown reachable by the stored runs';
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    if (scene.ending && !reachedEndings.has(id)) problems.push(problemAt(scene.pos, `ending '${id}' is ${notShown}`));
    else if (!scene.ending && !entered.has(id)) problems.push(problemAt(scene.pos, `scene '${id}' is ${notShown}`));
    for (const choice of scene.choices) {
      if (!open.has(choice.id) && entered.has(id))
        problems.push(problemAt(choice.pos, `choice '${choice.id}' is never seen open: ${notShown}`));
    }
  }
  return assembleReport(story, exploration, problems, {
    proven: problems.length === 0,
    reachedEndings,
    open,
    closed,
    method: 'witnesses',
    ...counts,
  });
}
