import type { BinaryOp, BuiltinFunction, Expr, SourcePos } from '../types.js';
import { tokenize, TokenizeError, type Token } from './tokenize.js';

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly pos: SourcePos,
  ) {
    super(message);
  }
}

const FUNCTIONS: Record<BuiltinFunction, number> = { min: 2, max: 2, abs: 1 };
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

// Precedence climbing, lowest first: or, and, comparison, additive, multiplicative.
const BINARY_LEVELS: BinaryOp[][] = [
  ['or'],
  ['and'],
  ['==', '!=', '<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];
const MAX_DEPTH = 64;

/**
 * Parses one expression. `at` is where `source` starts in the file, so every node
 * (and every error) carries its own line and column.
 */
export function parseExpression(source: string, at: SourcePos): Expr {
  const posOf = (offset: number): SourcePos => ({ file: at.file, line: at.line, col: at.col + offset });
  let tokens: Token[];
  try {
    tokens = tokenize(source);
  } catch (error) {
    if (error instanceof TokenizeError) throw new ExpressionError(error.message, posOf(error.offset));
    throw error;
  }
  let index = 0;
  let depth = 0;
  const peek = (): Token => tokens[index]!;
  const next = (): Token => tokens[index++]!;
  const fail = (message: string, token: Token = peek()): never => {
    throw new ExpressionError(message, posOf(token.offset));
  };
  const describe = (token: Token): string => (token.kind === 'end' ? 'the end of the expression' : `'${token.text}'`);
  const isOp = (token: Token, text: string): boolean =>
    (token.kind === 'op' || token.kind === 'name') && token.text === text;

  function parseLevel(level: number): Expr {
    if (level === BINARY_LEVELS.length) return parseUnary();
    let left = parseLevel(level + 1);
    for (;;) {
      const token = peek();
      const op = BINARY_LEVELS[level]!.find((candidate) => isOp(token, candidate));
      if (!op) return left;
      next();
      const right = parseLevel(level + 1);
      if (level === 2 && BINARY_LEVELS[2]!.some((candidate) => isOp(peek(), candidate))) {
        fail('comparisons cannot be chained: use and', peek());
      }
      left = { kind: 'binary', op, left, right, pos: posOf(token.offset) };
    }
  }

  function parseUnary(): Expr {
    const token = peek();
    if (isOp(token, '-') || isOp(token, 'not')) {
      next();
      if (++depth > MAX_DEPTH) fail('expression is nested too deeply', token);
      const arg = parseUnary();
      depth--;
      return { kind: 'unary', op: token.text as '-' | 'not', arg, pos: posOf(token.offset) };
    }
    return parsePrimary();
  }

  function parsePrimary(): Expr {
    const token = next();
    const pos = posOf(token.offset);
    switch (token.kind) {
      case 'int':
        return { kind: 'int', value: token.value, pos };
      case 'time':
        return { kind: 'time', value: token.value, pos };
      case 'ref':
        return token.fn === 'visits'
          ? { kind: 'visits', scene: token.id, pos: posOf(token.idOffset) }
          : { kind: 'taken', choice: token.id, pos: posOf(token.idOffset) };
      case 'name': {
        if (token.text === 'true' || token.text === 'false') return { kind: 'bool', value: token.text === 'true', pos };
        if (KEYWORDS.has(token.text)) return fail(`expected a value, found '${token.text}'`, token);
        if (isOp(peek(), '(')) return parseCall(token, pos);
        return { kind: 'name', name: token.text, pos };
      }
      case 'op':
        if (token.text === '(') {
          if (++depth > MAX_DEPTH) fail('expression is nested too deeply', token);
          const inner = parseLevel(0);
          depth--;
          if (!isOp(peek(), ')')) fail(`expected ')', found ${describe(peek())}`);
          next();
          return inner;
        }
        return fail(`expected a value, found '${token.text}'`, token);
      case 'end':
        return fail('expected a value, found the end of the expression', token);
    }
  }

  function parseCall(token: Token, pos: SourcePos): Expr {
    const name = token.text;
    if (!(name in FUNCTIONS)) return fail(`unknown function '${name}' (known: min, max, abs, visits, taken)`, token);
    next(); // (
    const args: Expr[] = [];
    if (!isOp(peek(), ')')) {
      for (;;) {
        args.push(parseLevel(0));
        if (isOp(peek(), ',')) {
          next();
          continue;
        }
        break;
      }
    }
    if (!isOp(peek(), ')')) fail(`expected ')' or ',', found ${describe(peek())}`);
    next();
    const arity = FUNCTIONS[name as BuiltinFunction];
    if (args.length !== arity) fail(`${name}() takes ${arity} argument${arity === 1 ? '' : 's'}, not ${args.length}`, token);
    return { kind: 'call', fn: name as BuiltinFunction, args, pos };
  }

  if (peek().kind === 'end') fail('expected an expression');
  const expr = parseLevel(0);
  if (peek().kind !== 'end') fail(`unexpected ${describe(peek())} after the expression`);
  return expr;
}
