import type { Expr, Value } from '../types.js';

// Counts are read through the scope under names no story can declare, so every analysis of
// what an expression reads (names-read.ts) sees them as variables of their own.
export const VISITS_PREFIX = '@visits:';
export const TAKEN_PREFIX = '@taken:';
export const visitsName = (scene: string): string => VISITS_PREFIX + scene;
export const takenName = (choice: string): string => TAKEN_PREFIX + choice;

/** Reads a name's current value. Only declared and read-only names reach here (the checker saw to it). */
export type Scope = (name: string) => Value;

function asInt(value: Value): number {
  return typeof value === 'number' ? value : value ? 1 : 0;
}

// Whole-number arithmetic that stays whole: division rounds down, and dividing by
// zero gives 0 rather than Infinity, so a story can never produce a value we cannot show.
// Sums and products are clamped to the safe integers (±2^53 - 1), where every number is
// exact and reads as digits, never as 8.1e+31.
function safe(n: number): number {
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, n));
}
function divide(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}
function remainder(a: number, b: number): number {
  return b === 0 ? 0 : a - b * Math.floor(a / b);
}

/** Evaluates a type-checked expression. Pure: no I/O, no globals, nothing but the scope. */
export function evaluate(expr: Expr, scope: Scope): Value {
  switch (expr.kind) {
    case 'int':
    case 'bool':
    case 'time':
      return expr.value;
    case 'name':
      return scope(expr.name);
    case 'visits':
      return scope(visitsName(expr.scene));
    case 'taken':
      return scope(takenName(expr.choice));
    case 'unary': {
      const arg = evaluate(expr.arg, scope);
      return expr.op === 'not' ? !arg : safe(-asInt(arg));
    }
    case 'call': {
      const args = expr.args.map((arg) => asInt(evaluate(arg, scope)));
      if (expr.fn === 'abs') return safe(Math.abs(args[0]!));
      return expr.fn === 'min' ? Math.min(args[0]!, args[1]!) : Math.max(args[0]!, args[1]!);
    }
    case 'binary': {
      if (expr.op === 'and') return Boolean(evaluate(expr.left, scope)) && Boolean(evaluate(expr.right, scope));
      if (expr.op === 'or') return Boolean(evaluate(expr.left, scope)) || Boolean(evaluate(expr.right, scope));
      const left = evaluate(expr.left, scope);
      const right = evaluate(expr.right, scope);
      switch (expr.op) {
        case '==':
          return left === right;
        case '!=':
          return left !== right;
        case '<':
          return asInt(left) < asInt(right);
        case '<=':
          return asInt(left) <= asInt(right);
        case '>':
          return asInt(left) > asInt(right);
        case '>=':
          return asInt(left) >= asInt(right);
        case '+':
          return safe(asInt(left) + asInt(right));
        case '-':
          return safe(asInt(left) - asInt(right));
        case '*':
          return safe(asInt(left) * asInt(right));
        case '/':
          return divide(asInt(left), asInt(right));
        case '%':
          return remainder(asInt(left), asInt(right));
      }
    }
  }
}
