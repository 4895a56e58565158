import type { Statement, Story } from '../story/types.js';
import { jumpTargets, mayReturn, walkStatements } from '../story/walk-statements.js';
import { returnTargets } from '../story/tunnels.js';
import { takenName } from '../story/expression/evaluate-expression.js';
import { isCounterName } from './counters.js';
import { namesRead } from '../story/expression/names-read.js';
import { earliestClock, eventCanFireFrom } from './earliest-clock.js';

/**
 * For each scene, the variables whose values can still change what happens from there on:
 * which branch runs, which choice opens, when an event fires. Two states at the same scene
 * that differ only in other variables play out the same (they may read differently, but
 * the same choices open and the same endings wait), so exploration treats them as one.
 *
 * Two analyses, both sound by over-approximation:
 * - relevance: a variable matters if a condition reads it, or if it feeds (through effects)
 *   a variable that matters. Prose interpolation is not control: `{debt}` in a sentence
 *   does not make debt matter.
 * - liveness: a variable that matters is live at a scene if some scene reachable from it
 *   reads it, or an event that can still fire from it does. Events lead anywhere, except
 *   where the clock has provably passed their day. The time meter is live everywhere.
 */
export function liveVariables(story: Story): Record<string, string[]> {
  const { relevant, live } = liveSets(story);
  const result: Record<string, string[]> = {};
  for (const id of story.sceneOrder)
    result[id] = story.varOrder.filter((name) => relevant.has(name) && live[id]!.has(name));
  return result;
}

/**
 * For each scene, the counts (visits of a scene, a choice taken; named as in names-read.ts)
 * that can still change what happens from there on: the same analysis as for variables.
 */
export function liveCounters(story: Story): Record<string, string[]> {
  const { relevant, live } = liveSets(story);
  const result: Record<string, string[]> = {};
  for (const id of story.sceneOrder)
    result[id] = [...live[id]!].filter((name) => isCounterName(name) && relevant.has(name)).sort();
  return result;
}

const setsByStory = new WeakMap<Story, { relevant: Set<string>; live: Record<string, Set<string>> }>();

function liveSets(story: Story): { relevant: Set<string>; live: Record<string, Set<string>> } {
  const known = setsByStory.get(story);
  if (known) return known;
  const relevant = relevantVariables(story);
  const reads: Record<string, Set<string>> = {};
  const successors: Record<string, Set<string>> = {};
  // What each event reads counts only where it can still fire: past its day, it reads nothing.
  const eventReads = story.events.map((event) => {
    const read = new Set<string>();
    if (event.when) namesRead(event.when, read);
    readsOfBody(event.body, read);
    return read;
  });
  // Never taken as overwritten on the way into a scene: the time meter (the engine reads it
  // whenever time passes) and whatever an event reads (an event may fire inside the scene).
  const timeMeter = story.meters.time ? [story.meters.time] : [];
  const everywhere = new Set<string>(timeMeter);
  for (const read of eventReads) for (const name of read) everywhere.add(name);
  const earliest = earliestClock(story);
  const eventTargetsFrom = (scene: string): string[] => [
    story.timeout.target,
    ...story.events
      .filter((event) => eventCanFireFrom(event, earliest[scene] ?? 0))
      .flatMap((event) => jumpTargets(event.body)),
  ];

  const killed: Record<string, Set<string>> = {};
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    const read = new Set<string>();
    readsOfBody(scene.body, read);
    // Nothing fires after an ending, not even the timeout: the run is over.
    const next = new Set<string>(scene.ending ? [] : [...jumpTargets(scene.body), ...eventTargetsFrom(id)]);
    // A tunnel's `->->` goes on wherever its callers said.
    if (mayReturn(scene.body) || scene.choices.some((choice) => mayReturn(choice.body)))
      for (const target of returnTargets(story, id)) next.add(target);
    for (const choice of scene.choices) {
      if (choice.once) read.add(takenName(choice.id));
      for (const cond of choice.hiddenUnless) namesRead(cond, read);
      for (const lock of choice.lockedUnless) namesRead(lock.cond, read);
      readsOfBody(choice.body, read);
      if (choice.target) next.add(choice.target);
      for (const target of jumpTargets(choice.body)) next.add(target);
    }
    reads[id] = read;
    successors[id] = next;
    killed[id] = overwritten(scene.body, everywhere);
  }

  // Backward dataflow with a worklist: when a scene's live set grows, its predecessors
  // are looked at again. Each set only grows, so this ends, in about linear time.
  const predecessors: Record<string, string[]> = {};
  for (const id of story.sceneOrder) {
    for (const next of successors[id]!) (predecessors[next] ??= []).push(id);
  }
  const live: Record<string, Set<string>> = {};
  for (const id of story.sceneOrder) {
    const set = (live[id] = new Set([...timeMeter, ...reads[id]!]));
    if (story.scenes[id]!.ending) continue;
    story.events.forEach((event, i) => {
      if (eventCanFireFrom(event, earliest[id] ?? 0)) for (const name of eventReads[i]!) set.add(name);
    });
  }
  const pending = [...story.sceneOrder]; // popped from the end: later scenes, usually sinks, first
  const queued = new Set(pending);
  while (pending.length) {
    const id = pending.pop()!;
    queued.delete(id);
    // What a scene overwrites before anything reads it is not live on the way in.
    const gone = killed[id]!;
    const theirs = gone.size ? new Set([...live[id]!].filter((name) => !gone.has(name))) : live[id]!;
    for (const before of predecessors[id] ?? []) {
      const mine = live[before]!;
      let grew = false;
      for (const name of theirs) {
        if (!mine.has(name)) {
          mine.add(name);
          grew = true;
        }
      }
      if (grew && !queued.has(before)) {
        queued.add(before);
        pending.push(before);
      }
    }
  }
  const sets = { relevant, live };
  setsByStory.set(story, sets);
  return sets;
}

/** The variables that can steer control: read by conditions, or feeding one that is. */
export function relevantVariables(story: Story): Set<string> {
  const relevant = new Set<string>(story.meters.time ? [story.meters.time] : []);
  const feeds: Array<{ target: string; sources: Set<string> }> = [];
  const visitBody = (body: Statement[]) =>
    walkStatements(body, (statement) => {
      if (statement.kind === 'if' && statement.branches.some((branch) => controls(branch.body))) {
        for (const branch of statement.branches) if (branch.cond) namesRead(branch.cond, relevant);
      } else if (statement.kind === 'wait') namesRead(statement.duration, relevant);
      else if (statement.kind === 'wait-until') namesRead(statement.time, relevant);
      else if (statement.kind === 'effect') {
        const sources = new Set<string>();
        namesRead(statement.value, sources);
        if (statement.op !== '=') sources.add(statement.name);
        feeds.push({ target: statement.name, sources });
      }
    });
  for (const event of story.events) {
    if (event.when) namesRead(event.when, relevant);
    visitBody(event.body);
  }
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    visitBody(scene.body);
    for (const choice of scene.choices) {
      if (choice.once) relevant.add(takenName(choice.id));
      for (const cond of choice.hiddenUnless) namesRead(cond, relevant);
      for (const lock of choice.lockedUnless) namesRead(lock.cond, relevant);
      visitBody(choice.body);
    }
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const { target, sources } of feeds) {
      if (!relevant.has(target)) continue;
      for (const source of sources) {
        if (!relevant.has(source)) {
          relevant.add(source);
          grew = true;
        }
      }
    }
  }
  return relevant;
}

/** True when a block does more than show prose: it changes state, time or the way on. */
function controls(body: Statement[]): boolean {
  let found = false;
  walkStatements(body, (statement) => {
    if (statement.kind !== 'para' && statement.kind !== 'if') found = true;
  });
  return found;
}

/** Names a body reads in ways that steer control (prose is left out). */
function readsOfBody(body: Statement[], into: Set<string>): void {
  walkStatements(body, (statement) => {
    switch (statement.kind) {
      case 'effect':
        // `x += 1` needs the old x only if x is read later, and then x is live there anyway.
        namesRead(statement.value, into);
        break;
      case 'wait':
        namesRead(statement.duration, into);
        break;
      case 'wait-until':
        namesRead(statement.time, into);
        break;
      case 'if':
        for (const branch of statement.branches) if (branch.cond) namesRead(branch.cond, into);
        break;
      default:
        break;
    }
  });
}

/**
 * The names a scene's body sets with `=` before anything could read them: on the way into
 * the scene their old values are gone. Only the body's top-level statements up to its first
 * `if`, jump or chance count (an `if` may skip an assignment); a name read earlier in the body
 * is kept, and so is what events read. Choices come after the body, so their reads see the
 * new value.
 */
function overwritten(body: Statement[], everywhere: Set<string>): Set<string> {
  const gone = new Set<string>();
  const readSoFar = new Set<string>();
  for (const statement of body) {
    if (statement.kind === 'effect') {
      namesRead(statement.value, readSoFar);
      if (statement.op === '=' && !readSoFar.has(statement.name) && !everywhere.has(statement.name))
        gone.add(statement.name);
      else readSoFar.add(statement.name);
    } else if (statement.kind === 'wait') namesRead(statement.duration, readSoFar);
    else if (statement.kind === 'wait-until') namesRead(statement.time, readSoFar);
    else if (statement.kind !== 'para') break;
  }
  return gone;
}
