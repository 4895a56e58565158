import type { Expr } from '../types.js';

/** Adds every name an expression reads to `into`. */
export function namesRead(expr: Expr, into: Set<string>): void {
  switch (expr.kind) {
    case 'name':
      into.add(expr.name);
      break;
    case 'unary':
      namesRead(expr.arg, into);
      break;
    case 'binary':
      namesRead(expr.left, into);
      namesRead(expr.right, into);
      break;
    case 'call':
      for (const arg of expr.args) namesRead(arg, into);
      break;
    default:
      break;
  }
}
