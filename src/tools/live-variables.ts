import type { Expr, Statement, Story, Text } from '../story/types.js';
import { jumpTargets, walkStatements } from '../story/walk-statements.js';

/**
 * For each scene, the variables that may still be read from there on. Two states at the
 * same scene that differ only in variables nobody will read again play out the same, so
 * exploration may treat them as one: Monday's errands stop multiplying Saturday's states.
 *
 * Sound by over-approximation: a variable counts as live at a scene if any scene reachable
 * from it reads it (writes are not treated as kills), and whatever events read is live
 * everywhere, since events can fire anywhere.
 */
export function liveVariables(story: Story): Record<string, string[]> {
  const reads: Record<string, Set<string>> = {};
  const successors: Record<string, Set<string>> = {};
  const everywhere = new Set<string>(['debt', 'deadline']);
  const eventTargets: string[] = [story.timeout.target];
  for (const event of story.events) {
    if (event.when) readsOfExpr(event.when, everywhere);
    readsOfBody(event.body, everywhere);
    eventTargets.push(...jumpTargets(event.body));
  }

  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    const read = new Set<string>();
    readsOfBody(scene.body, read);
    const next = new Set<string>([...jumpTargets(scene.body), ...eventTargets]);
    for (const choice of scene.choices) {
      readsOfText(choice.label, read);
      for (const cond of choice.hiddenUnless) readsOfExpr(cond, read);
      for (const lock of choice.lockedUnless) {
        readsOfExpr(lock.cond, read);
        readsOfText(lock.reason, read);
      }
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
  for (const id of story.sceneOrder) live[id] = new Set([...reads[id]!, ...everywhere]);
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
  for (const id of story.sceneOrder) result[id] = story.varOrder.filter((name) => live[id]!.has(name));
  return result;
}

function readsOfExpr(expr: Expr, into: Set<string>): void {
  switch (expr.kind) {
    case 'name':
      into.add(expr.name);
      break;
    case 'unary':
      readsOfExpr(expr.arg, into);
      break;
    case 'binary':
      readsOfExpr(expr.left, into);
      readsOfExpr(expr.right, into);
      break;
    case 'call':
      for (const arg of expr.args) readsOfExpr(arg, into);
      break;
    default:
      break;
  }
}

function readsOfText(text: Text, into: Set<string>): void {
  for (const part of text) {
    if (part.kind === 'expr') readsOfExpr(part.expr, into);
    else if (part.kind === 'cond') {
      readsOfExpr(part.cond, into);
      readsOfText(part.then, into);
      readsOfText(part.else, into);
    }
  }
}

function readsOfBody(body: Statement[], into: Set<string>): void {
  walkStatements(body, (statement) => {
    switch (statement.kind) {
      case 'para':
        readsOfText(statement.text, into);
        break;
      case 'effect':
        if (statement.op !== '=') into.add(statement.name);
        readsOfExpr(statement.value, into);
        break;
      case 'wait':
        readsOfExpr(statement.duration, into);
        break;
      case 'wait-until':
        readsOfExpr(statement.time, into);
        break;
      case 'if':
        for (const branch of statement.branches) if (branch.cond) readsOfExpr(branch.cond, into);
        break;
      default:
        break;
    }
  });
}
