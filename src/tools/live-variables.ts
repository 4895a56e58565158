import type { Statement, Story } from '../story/types.js';
import { jumpTargets, walkStatements } from '../story/walk-statements.js';
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
 *   where the clock has provably passed their day. `deadline` is live everywhere.
 */
export function liveVariables(story: Story): Record<string, string[]> {
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
  const earliest = earliestClock(story);
  const eventTargetsFrom = (scene: string): string[] => [
    story.timeout.target,
    ...story.events
      .filter((event) => eventCanFireFrom(event, earliest[scene] ?? 0))
      .flatMap((event) => jumpTargets(event.body)),
  ];

  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    const read = new Set<string>();
    readsOfBody(scene.body, read);
    // Nothing fires after an ending, not even the timeout: the run is over.
    const next = new Set<string>(scene.ending ? [] : [...jumpTargets(scene.body), ...eventTargetsFrom(id)]);
    for (const choice of scene.choices) {
      for (const cond of choice.hiddenUnless) namesRead(cond, read);
      for (const lock of choice.lockedUnless) namesRead(lock.cond, read);
      readsOfBody(choice.body, read);
      if (choice.target) next.add(choice.target);
      for (const target of jumpTargets(choice.body)) next.add(target);
    }
    reads[id] = read;
    successors[id] = next;
  }

  // Backward dataflow with a worklist: when a scene's live set grows, its predecessors
  // are looked at again. Each set only grows, so this ends, in about linear time.
  const predecessors: Record<string, string[]> = {};
  for (const id of story.sceneOrder) {
    for (const next of successors[id]!) (predecessors[next] ??= []).push(id);
  }
  const live: Record<string, Set<string>> = {};
  for (const id of story.sceneOrder) {
    const set = (live[id] = new Set(['deadline', ...reads[id]!]));
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
    const theirs = live[id]!;
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
  const result: Record<string, string[]> = {};
  for (const id of story.sceneOrder)
    result[id] = story.varOrder.filter((name) => relevant.has(name) && live[id]!.has(name));
  return result;
}

/** The variables that can steer control: read by conditions, or feeding one that is. */
export function relevantVariables(story: Story): Set<string> {
  const relevant = new Set<string>(['deadline']);
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
        if (statement.op !== '=') into.add(statement.name);
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
