// Every number a story holds or computes is a safe integer, so it is exact and reads as digits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBody, positions, storyOf, where, HEAD } from './helpers.js';
import { evaluate } from '../../src/story/expression/evaluate-expression.js';
import { groupThousands } from '../../src/story/format-value.js';
import { startGame } from '../../src/engine/index.js';
import { parseAssignments } from '../../src/cli/parse-assignments.js';
import type { BinaryOp, Expr } from '../../src/story/types.js';

const MAX = Number.MAX_SAFE_INTEGER;
const TAIL = '* Go. [1h] -> over\n\n=== ending over "Over"\n';

describe('number literals past 2^53', () => {
  it.each([
    ['@var big = 9007199254740992 in 0..9007199254740992', '9007199254740992'],
    ['@var big = 0 in 0..99999999999999999999', '99999999999999999999'],
    ['@var big = 0 in -9007199254740993..0', '-9007199254740993'],
  ])('are refused in a declaration: %s', (line, number) => {
    const result = parseBody(`=== a\n${TAIL}`, `${HEAD}${line}\n`);
    expect(positions(result)).toEqual([
      `${where('main.pusher', result.source, line, 'big')}: ${number} is out of range: whole numbers run from -${MAX} to ${MAX}`,
    ]);
  });

  it('are refused in an expression, a cost and a chance', () => {
    const body = `=== a\n~ debt = 9007199254740992\n* Long. [99999999999999999d] -> over\n* Odds. [1h]\n  150% -> over\n${TAIL}`;
    const result = parseBody(body);
    expect(positions(result)).toEqual([
      `${where('main.pusher', result.source, '~ debt = 9007199254740992', '9007')}: 9007199254740992 is too large (the largest number is ${MAX})`,
      `${where('main.pusher', result.source, '* Long.', '9999')}: '99999999999999999d' is too long a time`,
      `${where('main.pusher', result.source, '150% -> over')}: a chance is at most 100%`,
      `${where('main.pusher', result.source, '150% -> over')}: the chances here add up to 150%, not 100%`,
    ]);
  });

  it(`are accepted up to ${MAX} either way`, () => {
    expect(parseBody(`=== a\n{${MAX}}\n${TAIL}`, `${HEAD}@var big = 0 in -${MAX}..${MAX}\n`).problems).toEqual([]);
  });
});

describe('computed values', () => {
  const leaf: fc.Arbitrary<Expr> = fc
    .oneof(fc.constantFrom(MAX, -MAX, 0, 1, -1, 2 ** 52, 3), fc.integer())
    .map((value) => (value < 0 ? { kind: 'unary', op: '-', arg: { kind: 'int', value: -value, pos }, pos } : { kind: 'int', value, pos }));
  const pos = { file: 'x', line: 1, col: 1 };
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ kind: fc.constant('unary' as const), op: fc.constant('-' as const), arg: tie('expr'), pos: fc.constant(pos) }),
      fc.record({
        kind: fc.constant('binary' as const),
        op: fc.constantFrom<BinaryOp>('+', '-', '*', '/', '%'),
        left: tie('expr'),
        right: tie('expr'),
        pos: fc.constant(pos),
      }),
      fc.record({
        kind: fc.constant('call' as const),
        fn: fc.constantFrom('min' as const, 'max' as const),
        args: fc.tuple(tie('expr'), tie('expr')),
        pos: fc.constant(pos),
      }),
      fc.record({ kind: fc.constant('call' as const), fn: fc.constant('abs' as const), args: fc.tuple(tie('expr')), pos: fc.constant(pos) }),
    ),
  }));

  it('property: arithmetic on safe integers stays a safe integer', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const value = evaluate(e, () => 0);
        expect(Number.isSafeInteger(value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('clamp at the largest safe integer and read as digits', () => {
    const story = storyOf(`${HEAD}@var big = ${MAX} in 0..${MAX}\n=== a\n{big * big * big} {0 - big * big}\n${TAIL}`);
    expect(startGame(story, { seed: 1 }).paragraphs).toEqual(['9,007,199,254,740,991 -9,007,199,254,740,991']);
  });

  it('a number past the safe range read from elsewhere still reads as digits, never 8.1e+31', () => {
    expect(groupThousands(8.112963841460666e31)).toBe('81,129,638,414,606,663,681,390,495,662,080');
    expect(groupThousands(-(2 ** 60))).toBe('-1,152,921,504,606,846,976');
  });

  it('--set refuses a time past the safe range', () => {
    const story = storyOf(`${HEAD}=== a\n${TAIL}`);
    expect(() => parseAssignments(['deadline=99999999999999999999'], story.vars)).toThrow(/must be from/);
    expect(parseAssignments([`deadline=${MAX}`], story.vars)).toEqual({ deadline: MAX });
  });
});
