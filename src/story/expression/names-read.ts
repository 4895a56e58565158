import type { Expr } from '../types.js';
import { takenName, visitsName } from './evaluate-expression.js';

/** Adds every name an expression reads to `into`. */
export function namesRead(expr: Expr, into: Set<string>): void {
  switch (expr.kind) {
    case 'name':
      into.add(expr.name);
      break;
    case 'visits':
      into.add(visitsName(expr.scene));
      break;
    case 'taken':
      into.add(takenName(expr.choice));
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
