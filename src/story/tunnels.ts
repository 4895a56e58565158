import type { SourcePos, Statement, Story } from './types.js';
import { jumpTargets, mayReturn, walkStatements } from './walk-statements.js';

/** What the story's tunnel calls (`-> t -> next`) and returns (`->->`) amount to. */
export interface TunnelAnalysis {
  /** the scenes entered as tunnels, in story order */
  tunnels: string[];
  /** for each scene that may run `->->`, the scenes the run may go on to */
  returnsTo: Record<string, string[]>;
  /** the deepest the return stack can get (0 without tunnels); Infinity when tunnels recurse */
  depth: number;
  /** what is wrong: a return nothing called, a tunnel that never returns, tunnels that recurse */
  problems: Array<{ pos: SourcePos; message: string }>;
}

interface Call {
  target: string;
  next: string;
  pos: SourcePos;
}

function callsIn(body: Statement[], into: Call[]): void {
  walkStatements(body, (statement) => {
    if (statement.kind === 'tunnel') into.push({ target: statement.target, next: statement.next, pos: statement.pos });
  });
}

function returnPos(body: Statement[]): SourcePos | null {
  let pos: SourcePos | null = null;
  walkStatements(body, (statement) => {
    if (statement.kind === 'return' && !pos) pos = statement.pos;
  });
  return pos;
}

/** Every body of a scene: its own and its choices'. */
function bodiesOf(story: Story, id: string): Statement[][] {
  const scene = story.scenes[id]!;
  return [scene.body, ...scene.choices.map((choice) => choice.body)];
}

/**
 * The scenes a run passes through from `entries` without returning: jumps, chance and choices
 * are followed; a tunnel call goes on at its `next` (the tunnel itself is a region of its own);
 * a `->->` leaves the region. Event jumps leave every tunnel (the engine clears the stack).
 */
function regionFrom(story: Story, entries: string[]): { scenes: string[]; calls: Call[] } {
  const seen = new Set<string>();
  const calls: Call[] = [];
  const queue = entries.filter((id) => story.scenes[id]);
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const scene = story.scenes[id]!;
    const found: Call[] = [];
    for (const body of bodiesOf(story, id)) callsIn(body, found);
    calls.push(...found);
    const tunnelTargets = new Set(found.map((call) => call.target));
    const onward = [
      ...scene.body,
      ...scene.choices.flatMap((choice) => choice.body),
    ];
    const next = [
      ...jumpTargets(onward).filter((target) => !tunnelTargets.has(target) || directlyJumped(onward, target)),
      ...scene.choices.flatMap((choice) => (choice.target ? [choice.target] : [])),
      ...found.map((call) => call.next),
    ];
    for (const target of next) if (story.scenes[target] && !seen.has(target)) queue.push(target);
  }
  return { scenes: [...seen], calls };
}

/** True when a body also reaches `target` by a plain jump or chance, not only as a tunnel. */
function directlyJumped(body: Statement[], target: string): boolean {
  let found = false;
  walkStatements(body, (statement) => {
    if (statement.kind === 'jump' && statement.target === target) found = true;
    if (statement.kind === 'chance' && statement.branches.some((branch) => branch.target === target)) found = true;
  });
  return found;
}

const analyses = new WeakMap<Story, TunnelAnalysis>();

/**
 * Works out, statically, where every `->->` may return to and how deep the return stack can
 * get, and finds what would make a tunnel unsound: a return reachable with no tunnel call
 * (from the start or where an event or the timeout leads), a tunnel from which no return can
 * be reached, and tunnels that call themselves (the stack would have no bound).
 */
export function analyseTunnels(story: Story): TunnelAnalysis {
  const known = analyses.get(story);
  if (known) return known;
  const problems: TunnelAnalysis['problems'] = [];
  const eventEntries = [story.timeout.target, ...story.events.flatMap((event) => jumpTargets(event.body))];
  const top = regionFrom(story, [story.start, ...eventEntries]);
  for (const id of top.scenes) {
    for (const body of bodiesOf(story, id)) {
      const pos = returnPos(body);
      if (pos) {
        problems.push({
          pos,
          message: `'->->' returns from a tunnel, but '${id}' can be reached with no tunnel call (enter it with \`-> ${id} -> next_scene\`)`,
        });
        break;
      }
    }
  }

  const returnsTo: Record<string, Set<string>> = {};
  const calledFrom = new Map<string, Call[]>();
  const allCalls: Call[] = [];
  for (const id of story.sceneOrder) for (const body of bodiesOf(story, id)) callsIn(body, allCalls);
  for (const call of allCalls) calledFrom.set(call.target, [...(calledFrom.get(call.target) ?? []), call]);
  const tunnels = story.sceneOrder.filter((id) => calledFrom.has(id));

  const callees = new Map<string, string[]>();
  const callsWithin = new Map<string, Call[]>();
  for (const tunnel of tunnels) {
    if (!story.scenes[tunnel]) continue;
    const region = regionFrom(story, [tunnel]);
    callees.set(tunnel, [...new Set(region.calls.map((call) => call.target))]);
    callsWithin.set(tunnel, region.calls);
    const returning = region.scenes.filter((id) => bodiesOf(story, id).some(mayReturn));
    if (returning.length === 0) {
      for (const call of calledFrom.get(tunnel) ?? [])
        problems.push({ pos: call.pos, message: `tunnel '${tunnel}' never returns: no '->->' can be reached from it` });
    }
    for (const id of returning) {
      const into = (returnsTo[id] ??= new Set());
      for (const call of calledFrom.get(tunnel) ?? []) if (call.next) into.add(call.next);
    }
  }

  // The call graph between tunnels must have no cycle; the longest chain is the stack's bound.
  const depthOf = new Map<string, number>();
  const open = new Set<string>();
  let recursive = false;
  const chain = (tunnel: string): number => {
    const done = depthOf.get(tunnel);
    if (done !== undefined) return done;
    if (open.has(tunnel)) {
      recursive = true;
      return 0;
    }
    open.add(tunnel);
    let deepest = 0;
    for (const callee of callees.get(tunnel) ?? []) {
      if (open.has(callee)) {
        recursive = true;
        const at = (callsWithin.get(tunnel) ?? []).find((call) => call.target === callee);
        const through = tunnel === callee ? '' : ` (through '${tunnel}')`;
        problems.push({
          pos: at?.pos ?? story.scenes[callee]!.pos,
          message: `tunnel '${callee}' can call itself${through}: the return stack would have no bound`,
        });
        continue;
      }
      deepest = Math.max(deepest, chain(callee));
    }
    open.delete(tunnel);
    depthOf.set(tunnel, deepest + 1);
    return deepest + 1;
  };
  let depth = 0;
  for (const tunnel of tunnels) if (story.scenes[tunnel]) depth = Math.max(depth, chain(tunnel));

  const analysis: TunnelAnalysis = {
    tunnels,
    returnsTo: Object.fromEntries(Object.entries(returnsTo).map(([id, targets]) => [id, [...targets]])),
    depth: recursive ? Infinity : depth,
    problems,
  };
  analyses.set(story, analysis);
  return analysis;
}

/** Where a scene's `->->` may go on to (none when it cannot return). */
export function returnTargets(story: Story, scene: string): string[] {
  return analyseTunnels(story).returnsTo[scene] ?? [];
}

/**
 * True when a run started at `scene` with nothing on the return stack (`play --from`) could
 * reach a `->->`: the scene is inside a tunnel, and the run would have nowhere to return to.
 */
export function returnsWithoutCall(story: Story, scene: string): boolean {
  return regionFrom(story, [scene]).scenes.some((id) => bodiesOf(story, id).some(mayReturn));
}
