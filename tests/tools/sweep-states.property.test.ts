import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStory } from '../../src/story/parse-story.js';
import type { Story } from '../../src/story/types.js';
import { depthOf, exploreStates } from '../../src/tools/explore-states.js';
import { computeFates } from '../../src/tools/fates.js';
import { sweepStates, type SweepResult } from '../../src/tools/sweep-states.js';
import { formatFraction } from '../../src/tools/fraction.js';
import { generateStory } from '../../src/tools/generate-story.js';

// The sweep runs the story's transitions compiled (compiled-story.ts), not through the
// engine. Here both walk random stories built from every construct the compiler knows, and
// must agree on everything: states, scenes, choices open and shut, dead ends, endings, and
// the exact odds and route counts of every way out.

function parse(source: string): Story {
  const result = parseStory('main.pusher', (path) => (path === 'main.pusher' ? source : undefined));
  if (!result.story) throw new Error(`${result.problems.map((p) => p.message).join('\n')}\n${source}`);
  return result.story;
}

const intExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'day', 'hour', '0', '1', '2', '3', '7', '-2'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%'), tie('e')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(fc.constantFrom('min', 'max'), tie('e'), tie('e')).map(([fn, l, r]) => `${fn}(${l}, ${r})`),
    tie('e').map((e) => `abs(${e})`),
  ),
})).e;

const boolExpr: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('f', 'not f', 'clock >= Mon 23:00', 'deadline <= clock', 'day == 2'),
  fc.tuple(intExpr, fc.constantFrom('<', '<=', '>', '>=', '==', '!='), intExpr).map(([l, op, r]) => `${l} ${op} ${r}`),
  fc
    .tuple(
      fc.constantFrom('f', 'a > 2', 'b < 5'),
      fc.constantFrom('and', 'or'),
      fc.constantFrom('not f', 'a == 1', 'b >= 3'),
    )
    .map(([l, op, r]) => `${l} ${op} ${r}`),
);

const effect = fc.oneof(
  fc
    .tuple(fc.constantFrom('a', 'b'), fc.constantFrom('=', '+=', '-='), intExpr)
    .map(([v, op, e]) => `~ ${v} ${op} ${e}`),
  boolExpr.map((e) => `~ f = ${e}`),
  // Deadline moves, into the future and into the past (where it fires at once, at most once a value).
  fc.constantFrom(
    '~ deadline += 2h',
    '~ deadline = clock + 90m',
    '~ deadline = clock - 30m',
    '~ deadline -= 1h',
    '~ note = a',
  ),
);

/**
 * Statements for a body that must not leave (`-> x` only where `exits` allows). Waits (not
 * in events, which cannot wait) include ones that reach the week's end (Tue 04:00).
 */
function statements(exits: string[], depth = 0, waits = true): fc.Arbitrary<string[]> {
  const simple = waits
    ? fc.oneof(
        effect.map((e) => [e]),
        fc.constantFrom(
          ['~ wait 30m'],
          ['~ wait 3h'],
          ['~ wait until Tue 01:00'],
          ['~ wait until Tue 05:00'],
          ['Some prose about {a}.'],
        ),
      )
    : fc.oneof(
        effect.map((e) => [e]),
        fc.constant(['Some prose about {a}.']),
      );
  const choices = [simple];
  if (depth < 2)
    choices.push(
      fc
        .tuple(boolExpr, statements(exits, depth + 1, waits), fc.boolean(), statements(exits, depth + 1, waits))
        .map(([cond, then, hasElse, other]) => [
          `if ${cond}`,
          ...then.map((line) => `  ${line}`),
          ...(hasElse ? ['else', ...other.map((line) => `  ${line}`)] : []),
          'end',
        ]),
    );
  return fc.array(fc.oneof(...choices), { maxLength: 3 }).map((parts) => parts.flat());
}

const SCENES = 6;

/** A story of a few scenes: choices go anywhere (they cost time), jumps and draws only forward. */
const storySource = fc
  .record({
    dawn: statements([], 0, false),
    onDeadline: statements([], 0, false),
    // The deadline event may take the run to a scene that moves the deadline to another past
    // value, which fires it again in the same move: it swings between two values, and each
    // fires at most once per move (run-context.ts's deadlinesFired), or it would never stop.
    deadlineJump: fc.boolean(),
    scenes: fc.array(
      fc.record({
        body: statements([]),
        onward: fc.option(boolExpr, { nil: undefined, freq: 3 }),
        draw: fc.option(fc.tuple(fc.integer({ min: 1, max: 99 }), fc.nat(SCENES), fc.nat(SCENES)), { nil: undefined }),
        choices: fc.array(
          fc.record({
            // Long costs and `until` cross the week's end: the choice stops there, its body unrun.
            cost: fc.constantFrom('30m', '1h', '3h', '10h', '30m-2h', 'until 23:00', 'until 03:30', 'until 05:00'),
            to: fc.nat(SCENES),
            guard: fc.option(fc.tuple(fc.constantFrom('hidden', 'locked'), boolExpr), { nil: undefined }),
            body: statements([]),
            chance: fc.option(fc.tuple(fc.integer({ min: 1, max: 99 }), fc.nat(SCENES)), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { minLength: SCENES, maxLength: SCENES },
    ),
  })
  .map(({ dawn, onDeadline, deadlineJump, scenes }) => {
    const name = (i: number) => (i >= SCENES ? 'end_a' : `s${i}`);
    const lines = [
      '@id gen',
      '@title "Gen"',
      '@start s0',
      '@clock Mon 20:00',
      '@timeout Tue 04:00 -> end_out',
      '@var a = 1 in 0..9',
      '@var b = 3 in 0..20',
      '@var debt = 100 in 0..1000',
      '@var note = 0 in 0..100',
      '@flag f',
      '@time deadline = Mon 22:00',
      '@meter time deadline',
      '@on dawn',
      ...dawn.map((l) => `  ${l}`),
      '  ~ a += 1',
      '@on deadline',
      ...onDeadline.map((l) => `  ${l}`),
      '  ~ b += 1',
      ...(deadlineJump ? ['  -> late'] : []),
      '',
    ];
    scenes.forEach((scene, i) => {
      lines.push(`=== s${i}`, 'A room.', ...scene.body);
      if (scene.draw && i < SCENES - 1) {
        const [percent, x, y] = scene.draw;
        const forward = (n: number) => name(Math.max(i + 1, n));
        lines.push(`${percent}% -> ${forward(x)}`, `${100 - percent}% -> ${forward(y)}`);
      }
      scene.choices.forEach((choice, c) => {
        if (choice.chance) {
          const [percent, x] = choice.chance;
          lines.push(`* Choice ${i}.${c}. [${choice.cost}]`);
          if (choice.guard)
            lines.push(`  ${choice.guard[0]} unless ${choice.guard[1]}${choice.guard[0] === 'locked' ? ': no.' : ''}`);
          lines.push(
            ...choice.body.map((l) => `  ${l}`),
            `  ${percent}% -> ${name(x)}`,
            `  ${100 - percent}% -> ${name(choice.to)}`,
          );
        } else {
          lines.push(`* Choice ${i}.${c}. [${choice.cost}] -> ${name(choice.to)}`);
          if (choice.guard)
            lines.push(`  ${choice.guard[0]} unless ${choice.guard[1]}${choice.guard[0] === 'locked' ? ': no.' : ''}`);
          lines.push(...choice.body.map((l) => `  ${l}`));
        }
      });
      // Every scene can be reached: a way on, sometimes guarded (then dead ends can happen).
      lines.push(`* Go on from ${i}. [20m] -> ${name(i + 1)}`);
      if (scene.onward) lines.push(`  hidden unless ${scene.onward}`);
      lines.push('');
    });
    if (deadlineJump)
      lines.push(
        '=== late',
        'Late again.',
        'if deadline == Mon 21:00',
        '  ~ deadline = Mon 20:30',
        'else',
        '  ~ deadline = Mon 21:00',
        'end',
        '* Back to it. [20m] -> s0',
        '',
      );
    lines.push('=== ending end_a "A"', 'The end.', '', '=== ending end_out "Out"', 'Time is up.', '');
    return lines.join('\n');
  });

const LIMIT = 20_000;

/** Per scene with dead ends, how many moves the shortest path to one takes (check's grouping). */
function deadEndDepths(ends: Array<[string, number]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [scene, depth] of ends) out[scene] = Math.min(out[scene] ?? Infinity, depth);
  return out;
}

function viaEngine(story: Story) {
  const exploration = exploreStates(story, LIMIT);
  if (!exploration.complete) return null;
  const report = computeFates(story, exploration);
  return {
    states: exploration.nodes.length,
    scenes: [...exploration.scenesEntered].sort(),
    endings: [...new Set(exploration.nodes.flatMap((node) => (node.ending ? [node.ending] : [])))].sort(),
    open: [...exploration.firstOpen.keys()].sort(),
    closed: [...exploration.firstClosed.keys()].sort(),
    deadEnds: exploration.deadEnds.length,
    deadEndDepths: deadEndDepths(
      exploration.deadEnds.map((node) => [exploration.nodes[node]!.scene, depthOf(exploration, node)]),
    ),
    fates: [...report.endings, report.stuck].map((fate) => `${fate.routes}:${formatFraction(fate.probability!)}`),
  };
}

function viaSweep(sweep: SweepResult) {
  return {
    states: sweep.states,
    scenes: [...sweep.scenesEntered].sort(),
    endings: [...sweep.endingsReached].sort(),
    open: [...sweep.firstOpen.keys()].sort(),
    closed: [...sweep.firstClosed.keys()].sort(),
    deadEnds: sweep.deadEnds.length,
    deadEndDepths: deadEndDepths(sweep.deadEnds.map((dead) => [dead.scene, sweep.depthOf(dead.state)])),
    fates: sweep.odds!.routes.map((routes, slot) => `${routes}:${formatFraction(sweep.odds!.exact![slot]!)}`),
  };
}

describe('sweepStates agrees with the engine', () => {
  it('on random stories of every construct the compiler knows', () => {
    fc.assert(
      fc.property(storySource, (source) => {
        const story = parse(source);
        const engine = viaEngine(story);
        const sweep = sweepStates(story, { maxStates: LIMIT, odds: true, paths: true });
        expect(sweep.via).toBe('compiled');
        expect(sweep.complete).toBe(engine !== null);
        if (!engine) return;
        expect(viaSweep(sweep)).toEqual(engine);
        // Doubles agree with the exact fractions within the stated bound.
        sweep.odds!.exact!.forEach((exact, slot) => {
          const truth = Number(exact.num) / Number(exact.den);
          if (Number.isFinite(truth))
            expect(Math.abs(sweep.odds!.approx[slot]! - truth)).toBeLessThanOrEqual(sweep.odds!.errorBound + 1e-15);
        });
      }),
      { numRuns: 150, seed: 17 },
    );
  });

  it('on generated stories of the benchmark family', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 300 }),
        fc.integer({ min: 2, max: 12 }),
        fc.nat(1000),
        (scenes, flags, seed) => {
          const story = parse(generateStory({ scenes, flags, seed }));
          expect(viaSweep(sweepStates(story, { maxStates: LIMIT, odds: true, paths: true }))).toEqual(viaEngine(story));
        },
      ),
      { numRuns: 25, seed: 17 },
    );
  });
});
