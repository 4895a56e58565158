import { describe, expect, it } from 'vitest';
import { tokenize, TokenizeError } from '../../src/story/expression/tokenize.js';
import { parseExpression, ExpressionError } from '../../src/story/expression/parse-expression.js';
import { typeOf, type TypeProblem } from '../../src/story/expression/check-expression.js';
import { evaluate } from '../../src/story/expression/evaluate-expression.js';
import type { Expr, Value, ValueType } from '../../src/story/types.js';

const AT = { file: 'f', line: 3, col: 10 };
const TYPES: Record<string, ValueType> = { cash: 'int', debt: 'int', flag: 'bool', deadline: 'time', clock: 'time', day: 'int', hour: 'int' };
const VALUES: Record<string, Value> = { cash: 7, debt: 100, flag: true, deadline: 2 * 1440 + 20 * 60, clock: 8 * 60, day: 1, hour: 8 };

const parse = (source: string) => parseExpression(source, AT);
const run = (source: string, values: Record<string, Value> = VALUES): Value => evaluate(parse(source), (name) => values[name]!);
function typeOfSource(source: string): { type: ValueType | null; problems: TypeProblem[] } {
  const problems: TypeProblem[] = [];
  const type = typeOf(parse(source), (name) => TYPES[name], problems);
  return { type, problems };
}
function parseError(source: string): ExpressionError {
  try {
    parse(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`'${source}' parsed`);
}

/** A reference shape of the tree, to check precedence. */
function shape(expr: Expr): string {
  switch (expr.kind) {
    case 'int':
    case 'time':
      return String(expr.value);
    case 'bool':
      return String(expr.value);
    case 'name':
      return expr.name;
    case 'unary':
      return `(${expr.op} ${shape(expr.arg)})`;
    case 'binary':
      return `(${shape(expr.left)} ${expr.op} ${shape(expr.right)})`;
    case 'call':
      return `${expr.fn}(${expr.args.map(shape).join(', ')})`;
    case 'visits':
      return `visits(${expr.scene})`;
    case 'taken':
      return `taken(${expr.choice})`;
  }
}

describe('tokenize', () => {
  it('splits numbers, durations, week times, names and operators with offsets', () => {
    const tokens = tokenize('cash >= 1h30m + Tue 18:00');
    expect(tokens.map((t) => [t.kind, t.offset])).toEqual([
      ['name', 0],
      ['op', 5],
      ['int', 8],
      ['op', 14],
      ['time', 16],
      ['end', 25],
    ]);
    expect(tokens[2]).toMatchObject({ value: 90 });
    expect(tokens[4]).toMatchObject({ value: 1440 + 18 * 60 });
  });

  it('reads durations in minutes: 15m, 2h, 1d', () => {
    expect(tokenize('15m')[0]).toMatchObject({ kind: 'int', value: 15 });
    expect(tokenize('2h')[0]).toMatchObject({ kind: 'int', value: 120 });
    expect(tokenize('1d')[0]).toMatchObject({ kind: 'int', value: 1440 });
  });

  it('rejects stray characters with their offset and a hint', () => {
    const bad = (source: string) => {
      try {
        tokenize(source);
      } catch (error) {
        return error as TokenizeError;
      }
      throw new Error('tokenized');
    };
    expect(bad('cash = 1')).toMatchObject({ offset: 5, message: expect.stringContaining("use '=='") });
    expect(bad('a && b')).toMatchObject({ offset: 2, message: expect.stringContaining("'and'") });
    expect(bad('x.y')).toMatchObject({ offset: 1 });
    expect(bad('12abc')).toMatchObject({ offset: 0 });
    expect(bad('Mon 25:00')).toMatchObject({ offset: 0 });
    expect(bad('99999999999999999999')).toMatchObject({ offset: 0, message: expect.stringContaining('too large') });
  });
});

describe('parseExpression', () => {
  it('follows precedence: or < and < comparison < + - < * / %, unary binds tightest', () => {
    expect(shape(parse('1 + 2 * 3'))).toBe('(1 + (2 * 3))');
    expect(shape(parse('(1 + 2) * 3'))).toBe('((1 + 2) * 3)');
    expect(shape(parse('1 - 2 - 3'))).toBe('((1 - 2) - 3)');
    expect(shape(parse('a or b and c'))).toBe('(a or (b and c))');
    expect(shape(parse('not a and b'))).toBe('((not a) and b)');
    expect(shape(parse('cash + 1 > 2 * debt'))).toBe('((cash + 1) > (2 * debt))');
    expect(shape(parse('-cash % 4'))).toBe('((- cash) % 4)');
    expect(shape(parse('min(1, max(2, 3)) + abs(-4)'))).toBe('(min(1, max(2, 3)) + abs((- 4)))');
  });

  it('positions every node in the file', () => {
    const expr = parse('cash  +  debt');
    expect(expr.pos).toEqual({ file: 'f', line: 3, col: AT.col + 6 });
    if (expr.kind !== 'binary') throw new Error('not binary');
    expect(expr.right.pos.col).toBe(AT.col + 9);
  });

  it('refuses chained comparisons', () => {
    const error = parseError('1 < cash < 3');
    expect(error.message).toMatch(/cannot be chained/);
    expect(error.pos.col).toBe(AT.col + 9);
    expect(parseError('a == b == c').message).toMatch(/cannot be chained/);
  });

  it('refuses unknown functions, wrong arities and anything but the three functions', () => {
    expect(parseError('eval(1)').message).toBe("unknown function 'eval' (known: min, max, abs, visits, taken)");
    expect(parseError('Function(1)').message).toMatch(/unknown function 'Function'/);
    expect(parseError('min(1)').message).toMatch(/min\(\) takes 2 arguments, not 1/);
    expect(parseError('abs(1, 2)').message).toMatch(/abs\(\) takes 1 argument, not 2/);
  });

  it('has no property access, indexing, strings or globals', () => {
    for (const source of ['process.exit', 'this.constructor', 'a[0]', '"x"', "'x'", '`x`', 'globalThis.x', 'a; b', 'x => 1', 'a = 1', '{}']) {
      expect(() => parse(source), source).toThrow(ExpressionError);
    }
  });

  it('reports malformed input at its position', () => {
    expect(parseError('')).toMatchObject({ message: 'expected an expression' });
    expect(parseError('1 +')).toMatchObject({ message: expect.stringContaining('end of the expression'), pos: { col: AT.col + 3 } });
    expect(parseError('(1')).toMatchObject({ message: expect.stringContaining("expected ')'") });
    expect(parseError('1 2')).toMatchObject({ message: expect.stringContaining("unexpected '2'"), pos: { col: AT.col + 2 } });
    expect(parseError('and')).toMatchObject({ message: "expected a value, found 'and'" });
  });

  it('stops deep nesting with an error, not a stack overflow', () => {
    expect(parseError('('.repeat(500) + '1' + ')'.repeat(500)).message).toMatch(/nested too deeply/);
    expect(parseError('-'.repeat(500) + '1').message).toMatch(/nested too deeply/);
  });
});

describe('typeOf', () => {
  it('types literals, names, arithmetic, comparison and logic', () => {
    expect(typeOfSource('cash + 1').type).toBe('int');
    expect(typeOfSource('cash > 1 and flag').type).toBe('bool');
    expect(typeOfSource('deadline').type).toBe('time');
    expect(typeOfSource('not flag').type).toBe('bool');
    expect(typeOfSource('min(deadline, clock)').type).toBe('time');
  });

  it('does time arithmetic: time ± duration is a time, time − time is a duration', () => {
    expect(typeOfSource('clock + 6h').type).toBe('time');
    expect(typeOfSource('6h + clock').type).toBe('time');
    expect(typeOfSource('deadline - 1d').type).toBe('time');
    expect(typeOfSource('deadline - clock').type).toBe('int');
    expect(typeOfSource('deadline < clock + 1h').type).toBe('bool');
  });

  it('reports type errors at the operator and stops them cascading', () => {
    const cases: Array<[string, RegExp, number]> = [
      ['clock + deadline', /'\+' cannot combine a time and a time/, 6],
      ['6h - clock', /'-' cannot combine a number and a time/, 3],
      ['flag + 1', /'\+' cannot combine a true\/false value and a number/, 5],
      ['cash and flag', /'and' cannot combine/, 5],
      ['flag < flag', /'<' cannot combine/, 5],
      ['clock * 2', /'\*' cannot combine/, 6],
      ['cash == flag', /'==' cannot combine/, 5],
      ['not cash', /'not' needs a flag/, 0],
      ['-flag', /'-' needs a number/, 0],
      ['abs(clock)', /abs\(\) needs a number/, 0],
      ['max(cash, clock)', /max\(\) needs two numbers or two times/, 0],
    ];
    for (const [source, message, offset] of cases) {
      const { type, problems } = typeOfSource(source);
      expect(type, source).toBeNull();
      expect(problems, source).toHaveLength(1);
      expect(problems[0]!.message, source).toMatch(message);
      expect(problems[0]!.pos.col, source).toBe(AT.col + offset);
    }
    // one unknown name is one problem, not one per enclosing operator
    const { problems } = typeOfSource('(nope + 1) * 2 > cash');
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining("unknown name 'nope'")]);
  });
});

describe('evaluate', () => {
  it('computes arithmetic with precedence', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 2 - 3')).toBe(5);
    expect(run('-cash + 10')).toBe(3);
    expect(run('cash % 4')).toBe(3);
  });

  it('rounds division down, also for negative numbers', () => {
    expect(run('7 / 2')).toBe(3);
    expect(run('cash / 2')).toBe(3);
    expect(run('-7 / 2')).toBe(-4);
    expect(run('-7 % 2')).toBe(1);
    expect(run('debt / 10')).toBe(10);
  });

  it('gives 0 for division and remainder by zero', () => {
    expect(run('cash / 0')).toBe(0);
    expect(run('cash % 0')).toBe(0);
    expect(run('cash / (debt - 100)')).toBe(0);
  });

  it('compares and combines conditions', () => {
    expect(run('cash < debt')).toBe(true);
    expect(run('cash >= debt')).toBe(false);
    expect(run('cash == 7 and flag')).toBe(true);
    expect(run('cash != 7 or not flag')).toBe(false);
    expect(run('flag == true')).toBe(true);
  });

  it('short-circuits and / or (the right side is not read)', () => {
    const read: string[] = [];
    const scope = (name: string) => {
      read.push(name);
      return VALUES[name]!;
    };
    evaluate(parse('not flag and cash > 1'), scope);
    evaluate(parse('flag or debt > 1'), scope);
    expect(read).toEqual(['flag', 'flag']);
  });

  it('does time arithmetic in minutes', () => {
    expect(run('clock + 6h')).toBe(8 * 60 + 360);
    expect(run('deadline - clock')).toBe((VALUES['deadline'] as number) - 8 * 60);
    expect(run('Wed 20:00 == deadline')).toBe(true);
    expect(run('Tue 00:00 - Mon 00:00')).toBe(1440);
  });

  it('computes min, max, abs', () => {
    expect(run('min(cash, debt)')).toBe(7);
    expect(run('max(cash, debt)')).toBe(100);
    expect(run('abs(cash - debt)')).toBe(93);
  });

  it('reads nothing but the scope', () => {
    const asked: string[] = [];
    const value = evaluate(parse('toString + constructor'), (name) => {
      asked.push(name);
      return 1;
    });
    expect(value).toBe(2);
    expect(asked).toEqual(['toString', 'constructor']);
  });
});
