import type { Statement } from './types.js';

/** Visits every statement of a body, including those nested in if blocks. */
export function walkStatements(body: Statement[], visit: (statement: Statement) => void): void {
  for (const statement of body) {
    visit(statement);
    if (statement.kind === 'if') for (const branch of statement.branches) walkStatements(branch.body, visit);
  }
}

/** Every scene a body may jump to, by jump, chance or tunnel call (where a tunnel returns to: tunnels.ts). */
export function jumpTargets(body: Statement[]): string[] {
  const targets: string[] = [];
  walkStatements(body, (statement) => {
    if (statement.kind === 'jump' || statement.kind === 'tunnel') targets.push(statement.target);
    else if (statement.kind === 'chance') for (const branch of statement.branches) targets.push(branch.target);
  });
  return targets;
}

/**
 * True when running the body always ends in a jump or a chance draw: every branch of
 * every path leaves. An if without an else may fall through, so it does not count.
 */
export function alwaysLeaves(body: Statement[]): boolean {
  return body.some(
    (statement) =>
      statement.kind === 'jump' ||
      statement.kind === 'chance' ||
      statement.kind === 'tunnel' ||
      statement.kind === 'return' ||
      (statement.kind === 'if' &&
        statement.branches.some((branch) => branch.cond === null) &&
        statement.branches.every((branch) => alwaysLeaves(branch.body))),
  );
}

/** True when a body may return from a tunnel (`->->`), in any branch. */
export function mayReturn(body: Statement[]): boolean {
  let found = false;
  walkStatements(body, (statement) => {
    if (statement.kind === 'return') found = true;
  });
  return found;
}
