import type { Expr, SourcePos, ValueType } from '../types.js';

export interface TypeProblem {
  pos: SourcePos;
  message: string;
}

/** Looks up the type of a declared or read-only name; undefined when the name is unknown. */
export type NameTypes = (name: string) => ValueType | undefined;

/** How a type reads in a message: `a number`, `a true/false value`, `a time`. */
export function describeType(type: ValueType): string {
  return type === 'int' ? 'a number' : type === 'bool' ? 'a true/false value' : 'a time';
}

const ARITHMETIC = new Set(['*', '/', '%']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

/**
 * Infers an expression's type, pushing every problem found. Returns null where the
 * type cannot be known, so one mistake does not cascade into a dozen reports.
 */
export function typeOf(expr: Expr, names: NameTypes, problems: TypeProblem[]): ValueType | null {
  const fail = (message: string, pos: SourcePos = expr.pos): null => {
    problems.push({ pos, message });
    return null;
  };
  switch (expr.kind) {
    case 'int':
      return 'int';
    case 'bool':
      return 'bool';
    case 'time':
      return 'time';
    case 'visits':
      return 'int';
    case 'taken':
      return 'bool';
    case 'name': {
      const type = names(expr.name);
      return type ?? fail(`unknown name '${expr.name}' (declare it with @var, @flag or @time)`);
    }
    case 'unary': {
      const arg = typeOf(expr.arg, names, problems);
      if (arg === null) return null;
      if (expr.op === 'not') return arg === 'bool' ? 'bool' : fail(`'not' needs a flag or a condition, not ${describeType(arg)}`);
      return arg === 'int' ? 'int' : fail(`'-' needs a number, not ${describeType(arg)}`);
    }
    case 'call': {
      const args = expr.args.map((arg) => typeOf(arg, names, problems));
      if (args.some((arg) => arg === null)) return null;
      if (expr.fn === 'abs') return args[0] === 'int' ? 'int' : fail(`abs() needs a number, not ${describeType(args[0]!)}`);
      if (args[0] !== args[1] || args[0] === 'bool') {
        return fail(`${expr.fn}() needs two numbers or two times, not ${describeType(args[0]!)} and ${describeType(args[1]!)}`);
      }
      return args[0]!;
    }
    case 'binary': {
      const left = typeOf(expr.left, names, problems);
      const right = typeOf(expr.right, names, problems);
      if (left === null || right === null) return null;
      const op = expr.op;
      const mismatch = (): null => fail(`'${op}' cannot combine ${describeType(left)} and ${describeType(right)}`);
      if (op === 'and' || op === 'or') return left === 'bool' && right === 'bool' ? 'bool' : mismatch();
      if (op === '==' || op === '!=') return left === right ? 'bool' : mismatch();
      if (ORDERING.has(op)) return left === right && left !== 'bool' ? 'bool' : mismatch();
      if (ARITHMETIC.has(op)) return left === 'int' && right === 'int' ? 'int' : mismatch();
      if (op === '+') {
        if (left === 'int' && right === 'int') return 'int';
        if ((left === 'time' && right === 'int') || (left === 'int' && right === 'time')) return 'time';
        return mismatch();
      }
      // '-'
      if (left === 'int' && right === 'int') return 'int';
      if (left === 'time' && right === 'int') return 'time';
      if (left === 'time' && right === 'time') return 'int';
      return mismatch();
    }
  }
}
