import { describe, expect, it } from 'vitest';
import type { Statement, TextPart } from '../../src/story/types.js';
import { analyseTunnels, returnsWithoutCall } from '../../src/story/tunnels.js';
import { HEAD, parseBody, storyOf, where } from './helpers.js';

const F = 'main.pusher';
const reported = (result: { problems: Array<{ file: string; line: number; col: number; message: string }> }) =>
  result.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
const lines = (...text: string[]) => text.join('\n') + '\n';

describe('parser: once, visits(), taken(), tunnels, varied text, @meter', () => {
  it('reads `once` under a choice as a mark, not as prose, and leaves other choices unmarked', () => {
    const story = storyOf(
      HEAD +
        lines('=== a', '* Look. [5m] -> a #look', '  once', '  You look.', '* Go. [1h] -> over', '=== ending over "Over"'),
    );
    const [look, go] = story.scenes['a']!.choices;
    expect(look!.once).toBe(true);
    expect(look!.body.map((s) => s.kind)).toEqual(['para']);
    expect(go!.once).toBeUndefined();
  });

  it('reads visits(scene) and taken(choice.id) in expressions, ids with dots included', () => {
    const story = storyOf(
      HEAD +
        lines(
          '=== a',
          'if visits(a) > 2 and not taken(a.look)',
          '  Again.',
          'end',
          '* Look. [5m] -> a',
          '* Go. [1h] -> over',
          '=== ending over "Over"',
        ),
    );
    const cond = (story.scenes['a']!.body[0] as Extract<Statement, { kind: 'if' }>).branches[0]!.cond!;
    expect(cond).toMatchObject({
      kind: 'binary',
      op: 'and',
      left: { kind: 'binary', op: '>', left: { kind: 'visits', scene: 'a' }, right: { kind: 'int', value: 2 } },
      right: { kind: 'unary', op: 'not', arg: { kind: 'taken', choice: 'a.look' } },
    });
  });

  it('reads `-> t -> next` as a tunnel call and `->->` as a return', () => {
    const story = storyOf(
      HEAD +
        lines(
          '=== a',
          '* Call. [5m] #call',
          '  -> t -> a',
          '* Go. [1h] -> over',
          '=== t',
          'Ring.',
          '->->',
          '=== ending over "Over"',
        ),
    );
    expect(story.scenes['a']!.choices[0]!.body).toMatchObject([{ kind: 'tunnel', target: 't', next: 'a' }]);
    expect(story.scenes['t']!.body.map((s) => s.kind)).toEqual(['para', 'return']);
  });

  it('reads sequences, cycles, once-only and shuffled text, and escaped braces and bars', () => {
    const story = storyOf(
      HEAD + lines('=== a', 'A {one|two} B {&x|y} C {!first} D {~p|q|r} E \\{lit\\} \\| F', '* Go. [1h] -> over', '=== ending over "Over"'),
    );
    const text = (story.scenes['a']!.body[0] as Extract<Statement, { kind: 'para' }>).text;
    const varied = text.filter((part): part is Extract<TextPart, { kind: 'vary' }> => part.kind === 'vary');
    expect(varied.map((part) => [part.mode, part.items.length])).toEqual([
      ['sequence', 2],
      ['cycle', 2],
      ['once', 1],
      ['shuffle', 3],
    ]);
    expect(varied[0]!.items).toEqual([[{ kind: 'lit', text: 'one' }], [{ kind: 'lit', text: 'two' }]]);
    const literal = text.filter((part) => part.kind === 'lit').map((part) => (part as { text: string }).text).join('');
    expect(literal).toContain('E {lit} | F');
  });

  it('keeps {EXPR} and {if EXPR: a|b} as they were', () => {
    const story = storyOf(HEAD + lines('=== a', '{debt} {if debt > 1: a|b}', '* Go. [1h] -> over', '=== ending over "Over"'));
    const text = (story.scenes['a']!.body[0] as Extract<Statement, { kind: 'para' }>).text;
    expect(text.map((part) => part.kind)).toEqual(['expr', 'lit', 'cond']);
  });

  it('reads @meter money and @meter time; a story without them has none', () => {
    const story = storyOf(HEAD + lines('=== a', '* Go. [1h] -> over', '=== ending over "Over"'));
    expect(story.meters).toEqual({ money: 'debt', time: 'deadline' });
    const bare = HEAD.replace('@meter money debt\n', '').replace('@meter time deadline\n', '');
    expect(storyOf(bare + lines('=== a', '* Go. [1h] -> over', '=== ending over "Over"')).meters).toEqual({
      money: null,
      time: null,
    });
  });
});

describe('validator: the new constructs, each problem at its place', () => {
  it('visits() and taken() must name a scene and a choice that exist', () => {
    const result = parseBody(
      lines('=== a', '* Go. [1h] -> over #go', '  hidden unless visits(b) > 0 or taken(a.og)', '=== ending over "Over"'),
    );
    expect(reported(result)).toEqual([
      `${where(F, result.source, '  hidden', 'b)')}: unknown scene 'b' (did you mean 'a'?)`,
      `${where(F, result.source, '  hidden', 'a.og')}: unknown choice id 'a.og'`,
    ]);
  });

  it('a return with no tunnel call above it', () => {
    const result = parseBody(lines('=== a', '* Back. [1h] #back', '  ->->', '* Go. [1h] -> over', '=== ending over "Over"'));
    expect(reported(result)).toEqual([
      `${where(F, result.source, '  ->->', '->->')}: '->->' returns from a tunnel, but 'a' can be reached with no tunnel call (enter it with \`-> a -> next_scene\`)`,
    ]);
  });

  it('a tunnel that never returns', () => {
    const result = parseBody(
      lines('=== a', '* Call. [1h] #call', '  -> t -> a', '* Go. [1h] -> over', '=== t', '* Stay. [1h] -> t', '=== ending over "Over"'),
    );
    expect(reported(result)).toEqual([
      `${where(F, result.source, '  -> t', 't')}: tunnel 't' never returns: no '->->' can be reached from it`,
    ]);
  });

  it('a tunnel that can call itself, and the depth bound of tunnels that do not', () => {
    const result = parseBody(
      lines(
        '=== a',
        '* Call. [1h] #call',
        '  -> t -> a',
        '* Go. [1h] -> over',
        '=== t',
        '* Again. [1h] #again',
        '  -> t -> over',
        '* Back. [1h] #back',
        '  ->->',
        '=== ending over "Over"',
      ),
    );
    expect(reported(result)).toEqual([
      `${where(F, result.source, '  -> t -> over', 't')}: tunnel 't' can call itself: the return stack would have no bound`,
    ]);
    const nested = storyOf(
      HEAD +
        lines(
          '=== a',
          '* Call. [1h] #call',
          '  -> t -> a',
          '* Go. [1h] -> over',
          '=== t',
          '-> u -> t2',
          '=== t2',
          '->->',
          '=== u',
          '* Back. [1h] #back',
          '  ->->',
          '=== ending over "Over"',
        ),
    );
    expect(analyseTunnels(nested)).toMatchObject({ tunnels: ['t', 'u'], depth: 2, problems: [] });
    // `play --from` refuses a scene from which a return could be reached with nothing to return to
    expect(['a', 't', 't2', 'u', 'over'].map((id) => returnsWithoutCall(nested, id))).toEqual([false, true, true, true, false]);
    expect(analyseTunnels(nested).returnsTo).toEqual({ t2: ['a'], u: ['t2'] });
  });

  it('a tunnel call that reaches itself with no choice between is a jump loop', () => {
    const result = parseBody(lines('=== a', '-> t -> b', '=== b', '-> a', '=== t', '->->', '=== ending over "Over"'));
    expect(reported(result)).toContainEqual(
      `${where(F, result.source, '=== a', 'a')}: these scenes jump to each other with no choice between: a -> t -> b -> a`,
    );
  });

  it('an ending cannot be a tunnel, and events cannot call or return', () => {
    const result = parseBody(
      lines('=== a', '* Call. [1h] #call', '  -> over -> a', '* Go. [1h] -> over', '=== ending over "Over"'),
    );
    expect(reported(result)).toContainEqual(
      `${where(F, result.source, '  -> over', 'over')}: 'over' is an ending: jump to it with \`-> over\`, it cannot return`,
    );
    const evented = parseBody(
      lines('=== a', '* Go. [1h] -> over', '=== t', '->->', '=== ending over "Over"'),
      HEAD + '@on dawn\n  -> t -> a\n',
    );
    expect(reported(evented).join('\n')).toContain('an event leaves any tunnel the run is in: it cannot call or return from one');
  });

  it('@meter must name a declared variable of the right kind; @on deadline needs a time meter', () => {
    const wrong = HEAD.replace('@meter money debt', '@meter money deadline');
    const result = parseBody(lines('=== a', '* Go. [1h] -> over', '=== ending over "Over"'), wrong);
    expect(reported(result)).toEqual([
      `${where(F, result.source, '@meter money', 'deadline')}: 'deadline' cannot be the money meter: it must be a whole-number @var`,
    ]);
    const none = HEAD.replace('@meter time deadline\n', '') + '@on deadline\n  ~ debt += 1\n';
    const missing = parseBody(lines('=== a', '* Go. [1h] -> over', '=== ending over "Over"'), none);
    expect(reported(missing)).toEqual([
      `${where(F, missing.source, '@on deadline', 'deadline')}: \`@on deadline\` needs a time meter to watch: \`@meter time NAME\` names the @time it counts down to`,
    ]);
  });

  it('a story with only playable problems is still given, so check can walk it', () => {
    const result = parseBody(lines('=== a', '* Go. [1h] -> over', '=== lost', '* Back. [1h] -> a', '=== ending over "Over"'));
    expect(result.story).toBeNull();
    expect(reported(result)).toEqual([`${where(F, result.source, '=== lost', 'lost')}: scene 'lost' is unreachable: nothing leads to it`]);
    expect(result.playable?.sceneOrder).toEqual(['a', 'lost', 'over']);
    const broken = parseBody(lines('=== a', '* Go. [1h] -> ovr', '=== ending over "Over"'));
    expect(broken.playable).toBeUndefined();
  });
});
