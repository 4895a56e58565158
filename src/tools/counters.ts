import type { Expr, Statement, Story, Text } from '../story/types.js';
import { TAKEN_PREFIX, VISITS_PREFIX, takenName, visitsName } from '../story/expression/evaluate-expression.js';
import { walkStatements } from '../story/walk-statements.js';

/**
 * The counts a story reads (`visits(scene)`, `taken(choice)`, and `once` choices, which read
 * their own), each with the largest value that can still make a difference: a count only
 * compared with whole numbers up to k is state up to k + 1 (`visits(bar) > 2` cannot tell
 * 3 from 30); a choice taken is state only as taken or not. A count read in any other way
 * (arithmetic, compared with a variable) is kept exactly. (`>= k` and `< k` need only k.)
 */
export interface CounterUse {
  /** scene id → the largest count worth keeping */
  visits: Map<string, number>;
  /** choice ids whose having been taken is read */
  taken: Set<string>;
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
/** `k < visits(x)` reads as `visits(x) > k`. */
const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** Visits every expression of the story: conditions, effects, waits, events and prose alike. */
export function forEachExpr(story: Story, visit: (expr: Expr) => void): void {
  const text = (parts: Text): void => {
    for (const part of parts) {
      if (part.kind === 'expr') visit(part.expr);
      else if (part.kind === 'cond') {
        visit(part.cond);
        text(part.then);
        text(part.else);
      } else if (part.kind === 'vary') part.items.forEach(text);
    }
  };
  const body = (statements: Statement[]): void =>
    walkStatements(statements, (statement) => {
      if (statement.kind === 'para') text(statement.text);
      else if (statement.kind === 'effect') visit(statement.value);
      else if (statement.kind === 'wait') visit(statement.duration);
      else if (statement.kind === 'wait-until') visit(statement.time);
      else if (statement.kind === 'if') for (const branch of statement.branches) if (branch.cond) visit(branch.cond);
    });
  for (const event of story.events) {
    if (event.when) visit(event.when);
    body(event.body);
  }
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    body(scene.body);
    for (const choice of scene.choices) {
      text(choice.label);
      choice.hiddenUnless.forEach(visit);
      for (const lock of choice.lockedUnless) {
        visit(lock.cond);
        text(lock.reason);
      }
      body(choice.body);
    }
  }
}

const uses = new WeakMap<Story, CounterUse>();

export function counterUse(story: Story): CounterUse {
  const known = uses.get(story);
  if (known) return known;
  const visits = new Map<string, number>();
  const taken = new Set<string>();
  const need = (scene: string, cap: number) => visits.set(scene, Math.max(visits.get(scene) ?? 0, cap));
  const walk = (expr: Expr): void => {
    switch (expr.kind) {
      case 'visits':
        need(expr.scene, Infinity);
        return;
      case 'taken':
        taken.add(expr.choice);
        return;
      case 'unary':
        walk(expr.arg);
        return;
      case 'call':
        expr.args.forEach(walk);
        return;
      case 'binary': {
        const flipped = expr.left.kind !== 'visits';
        const [count, other] = flipped ? [expr.right, expr.left] : [expr.left, expr.right];
        if (COMPARISONS.has(expr.op) && count.kind === 'visits' && other.kind === 'int') {
          // `visits(x) >= k` and `< k` cannot tell k from anything above it; `> k`, `<= k`,
          // `== k` and `!= k` cannot tell k + 1 from anything above.
          const op = flipped ? (FLIP[expr.op] ?? expr.op) : expr.op;
          need(count.scene, Math.max(0, other.value) + (op === '>=' || op === '<' ? 0 : 1));
          return;
        }
        walk(expr.left);
        walk(expr.right);
        return;
      }
      default:
        return;
    }
  };
  forEachExpr(story, walk);
  for (const id of story.sceneOrder)
    for (const choice of story.scenes[id]!.choices) if (choice.once) taken.add(choice.id);
  const use = { visits, taken };
  uses.set(story, use);
  return use;
}

/** The pseudo-names (see names-read.ts) of every count the story reads. */
export function counterNames(story: Story): string[] {
  const use = counterUse(story);
  return [...[...use.visits.keys()].map(visitsName), ...[...use.taken].map(takenName)];
}

export function isCounterName(name: string): boolean {
  return name.startsWith(VISITS_PREFIX) || name.startsWith(TAKEN_PREFIX);
}
