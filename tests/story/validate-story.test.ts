import { describe, expect, it } from 'vitest';
import { compareProblems } from '../../src/story/problem.js';
import { HEAD, parseBody, parseFiles, where } from './helpers.js';

const F = 'main.pusher';
/** The problems as `file:line:col: message`. */
const reported = (result: { problems: Array<{ file: string; line: number; col: number; message: string }> }) =>
  result.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);

/** Asserts exactly one problem, at the token, with a message matching. */
function expectOnly(body: string, lineText: string, token: string, message: RegExp | string, nth = 1) {
  const result = parseBody(body);
  expect(result.story).toBeNull();
  expect(reported(result)).toHaveLength(1);
  const [problem] = reported(result);
  expect(problem!.startsWith(`${where(F, result.source, lineText, token, nth)}: `)).toBe(true);
  if (typeof message === 'string') expect(problem).toContain(message);
  else expect(problem).toMatch(message);
}

describe('validator: each kind of problem, with its exact file:line:col', () => {
  it('unknown jump target, with did-you-mean', () => {
    const body = ['=== a', '* Drive out. [1h] -> hase_garage', '* Walk. [2h] -> hasse_garage', '=== hasse_garage', '-> over', '=== ending over "Over"', ''].join('\n');
    expectOnly(body, '* Drive out.', 'hase_garage', "unknown scene 'hase_garage' (did you mean 'hasse_garage'?)");
  });

  it('unknown target of a jump line and a chance line', () => {
    const body = ['=== a', '* Go. [1h] -> b', '=== b', '50% -> ovr', '50% -> over', '=== c', '-> nowhere_at_all', '=== ending over "Over"', ''].join('\n');
    const result = parseBody(body);
    const problems = reported(result);
    expect(problems).toContainEqual(`${where(F, result.source, '50% -> ovr')}: unknown scene 'ovr' (did you mean 'over'?)`);
    expect(problems.some((p) => p.startsWith(`${where(F, result.source, '-> nowhere', 'nowhere')}: unknown scene 'nowhere_at_all'`))).toBe(true);
    expect(problems.find((p) => p.includes('nowhere_at_all'))).not.toContain('did you mean');
  });

  it('unknown @start scene', () => {
    const head = HEAD.replace('@start a', '@start kitchn');
    const result = parseBody(['=== kitchen', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n'), head);
    expect(reported(result)).toContain(`${where(F, result.source, '@start', 'kitchn')}: unknown scene 'kitchn' (did you mean 'kitchen'?)`);
  });

  it('duplicate scene ids, pointing back at the first', () => {
    const body = ['=== a', '* Go. [1h] -> over', '=== a', '* Again. [1h] -> over', '=== ending over "Over"', ''].join('\n');
    const result = parseBody(body);
    const first = where(F, result.source, '* Go.').split(':')[1];
    expect(reported(result)).toContain(`${where(F, result.source, '* Again.').replace(/:\d+:\d+$/, '')}:${Number(first) + 1}:5: scene 'a' is already defined at main.pusher:${Number(first) - 1}`);
  });

  it('duplicate choice ids, derived or explicit', () => {
    const body = ['=== a', '* Go. [1h] -> over', '* Go. [2h] -> over', '* One. [1h] -> over #x', '* Two. [1h] -> over #x', '=== ending over "Over"', ''].join('\n');
    const result = parseBody(body);
    const firstGo = where(F, result.source, '* Go. [1h]', '*').split(':')[1];
    const firstX = where(F, result.source, '* One.', '*').split(':')[1];
    expect(reported(result)).toEqual([
      `${where(F, result.source, '* Go. [2h]', '*')}: choice id 'a.go' is already used at main.pusher:${firstGo} (give one of them an #id)`,
      `${where(F, result.source, '* Two.', '*')}: choice id 'x' is already used at main.pusher:${firstX} (give one of them an #id)`,
    ]);
  });

  it('undeclared names in effects, conditions, locks and prose', () => {
    const body = ['=== a', 'You have {cassh}.', '~ monye = 3', 'if zebra > 1', 'end', '* Go. [1h] -> over', '  hidden unless dbt > 1', '=== ending over "Over"', ''].join('\n');
    const result = parseBody(body);
    const r = reported(result);
    expect(r).toEqual([
      `${where(F, result.source, 'You have', 'cassh')}: unknown name 'cassh' (declare it with @var, @flag or @time)`,
      `${where(F, result.source, '~ monye', 'monye')}: unknown name 'monye'`,
      `${where(F, result.source, 'if zebra', 'zebra')}: unknown name 'zebra' (declare it with @var, @flag or @time)`,
      `${where(F, result.source, 'hidden unless', 'dbt')}: unknown name 'dbt' (did you mean 'debt'?)`,
    ]);
  });

  it('type errors in expressions', () => {
    const body = [
      '=== a',
      'if debt',
      'end',
      '~ debt = true',
      '~ debt += deadline',
      '~ deadline = 5',
      '{debt + true}',
      '* Go. [1h] -> over',
      '  locked unless debt: no',
      '=== ending over "Over"',
      '',
    ].join('\n');
    const result = parseBody(body);
    const at = (lineText: string, token: string) => where(F, result.source, lineText, token);
    const r = reported(result);
    expect(r).toHaveLength(6);
    expect(r[0]).toMatch(new RegExp(`^${at('if debt', 'debt')}: the condition must be a condition, not a number`));
    expect(r[1]).toMatch(new RegExp(`^${at('~ debt = true', 'true')}: the value of 'debt' must be a`));
    expect(r[2]).toMatch(new RegExp(`^${at('~ debt += deadline', 'deadline')}: what is added to 'debt' must be a`));
    expect(r[3]).toMatch(new RegExp(`^${at('~ deadline = 5', '5')}: the value of 'deadline' must be a time`));
    expect(r[4]).toBe(`${at('{debt + true}', '+')}: '+' cannot combine a number and a true/false value`);
    expect(r[5]).toMatch(new RegExp(`^${at('locked unless', 'debt')}: 'locked unless' must be a condition`));
  });

  it('setting a read-only name, and += on a flag', () => {
    const body = ['@flag seen', '=== a', '~ clock = Mon 09:00', '~ seen += 1', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n');
    const result = parseBody(body);
    expect(reported(result)).toEqual([
      `${where(F, result.source, '~ clock', 'clock')}: 'clock' is kept by the game and cannot be set (use ~ wait to pass time)`,
      `${where(F, result.source, '~ seen', 'seen')}: 'seen' is a flag: set it with = true or = false`,
    ]);
  });

  it('a zero-cost choice, at its cost', () => {
    expectOnly(['=== a', '* Free. [0m] -> over', '=== ending over "Over"', ''].join('\n'), '* Free.', '0m', 'every choice must cost time');
  });

  it('a choice with no cost, at the choice', () => {
    expectOnly(['=== a', '* Free. -> over', '=== ending over "Over"', ''].join('\n'), '* Free.', '*', 'this choice costs no time');
  });

  it('a cost that is not a duration', () => {
    expectOnly(['=== a', '* Go. [soon] -> over', '=== ending over "Over"', ''].join('\n'), '* Go.', 'soon', "'soon' is not a duration");
  });

  it('a choice that leads nowhere', () => {
    expectOnly(['=== a', '* Go. [1h]', '  ~ debt += 1', '* Stay. [1h] -> over', '=== ending over "Over"', ''].join('\n'), '* Go.', '*', 'this choice leads nowhere');
  });

  it('loops of jumps with no choice between, reported with the loop path', () => {
    const body = ['=== a', '* Go. [1h] -> b', '=== b', '-> c', '=== c', 'if debt > 5', '  -> b', 'end', '* Leave. [1h] -> over', '=== ending over "Over"', ''].join('\n');
    expectOnly(body, '=== b', 'b', "these scenes jump to each other with no choice between: b -> c -> b");
  });

  it('a scene jumping to itself', () => {
    expectOnly(['=== a', '* Go. [1h] -> b', '=== b', '-> b', '=== ending over "Over"', ''].join('\n'), '=== b', 'b', 'no choice between: b -> b');
  });

  it('unreachable scenes', () => {
    expectOnly(['=== a', '* Go. [1h] -> over', '=== lost', '* Back. [1h] -> a', '=== ending over "Over"', ''].join('\n'), '=== lost', 'lost', "scene 'lost' is unreachable: nothing leads to it");
  });

  it('scenes reached only by an event or the timeout are reachable', () => {
    const body = ['@on deadline', '  -> caught', '=== a', '* Go. [1h] -> a', '=== caught', '* Run. [1h] -> over', '=== ending over "Over"', ''].join('\n');
    expect(parseBody(body).problems).toEqual([]);
  });

  it('scenes with no way out', () => {
    const body = ['=== a', 'if debt > 5', '  -> over', 'end', '=== ending over "Over"', ''].join('\n');
    expectOnly(body, '=== a', 'a', "scene 'a' has no way out");
  });

  it('an if/else where every branch jumps is a way out', () => {
    const body = ['=== a', 'if debt > 5', '  -> over', 'else', '  -> over', 'end', '=== ending over "Over"', ''].join('\n');
    expect(parseBody(body).problems).toEqual([]);
  });

  it('endings with choices, and endings that jump', () => {
    const body = ['=== a', '* Go. [1h] -> over', '=== ending over "Over"', '* Again. [1h] -> a', '=== ending other "Other"', '-> over', ''].join('\n');
    const result = parseBody(body);
    const r = reported(result);
    expect(r).toContain(`${where(F, result.source, '* Again.', '*')}: 'over' is an ending: it cannot offer choices`);
    expect(r).toContain(`${where(F, result.source, '=== ending other', 'other')}: 'other' is an ending: it cannot jump on`);
  });

  it('chance shares that do not add up to 100, at the first line of the draw', () => {
    const body = ['=== a', '* Go. [1h] -> b', '=== b', '60% -> over', '30% -> a', '=== ending over "Over"', ''].join('\n');
    expectOnly(body, '60% -> over', '60%', 'the chances here add up to 90%, not 100%');
  });

  it('a timeout to a scene that is not an ending', () => {
    const head = HEAD.replace('-> over', '-> b');
    const result = parseBody(['=== a', '* Go. [1h] -> over', '=== b', '* Go on. [1h] -> over', '=== ending over "Over"', ''].join('\n'), head);
    expect(reported(result)).toEqual([`${where(F, result.source, '@timeout', 'b')}: 'b' is not an ending`]);
  });

  it('missing @start and @timeout, at the top of the main file; no meter is required', () => {
    const result = parseFiles({ 'main.pusher': '=== a\n* Go. [1h] -> a\n' });
    expect(result.story).toBeNull();
    const r = reported(result);
    expect(r).toHaveLength(2);
    for (const problem of r) expect(problem.startsWith('main.pusher:1:1: ')).toBe(true);
    expect(r.join('\n')).toMatch(/@start/);
    expect(r.join('\n')).toMatch(/@timeout/);
  });

  it('structural mistakes: if without end, else without if, choice inside an if, text after choices', () => {
    const body = ['=== a', 'if debt > 1', '  Hi.', 'else', 'end', 'end', 'if debt > 2', '  * Inside. [1h] -> over', '* Go. [1h] -> over', 'Stray text.', '=== ending over "Over"', ''].join('\n');
    const result = parseBody(body);
    const r = reported(result);
    const lines = result.source.split('\n');
    const lineOf = (text: string, nth = 1) => lines.map((l, i) => (l === text ? i + 1 : 0)).filter(Boolean)[nth - 1];
    expect(r).toContainEqual(`${F}:${lineOf('end', 2)}:1: 'end' without an 'if' above it`);
    expect(r).toContainEqual(`${F}:${lineOf('if debt > 2')}:1: this 'if' has no 'end'`);
    expect(r).toContainEqual(expect.stringMatching(new RegExp(`^${where(F, result.source, '* Inside', '*')}: choices cannot sit inside an if block`)));
    expect(r).toContainEqual(expect.stringMatching(new RegExp(`^${where(F, result.source, 'Stray text.', 'S')}: scene text after the choices`)));
  });

  it('a choice indented inside a closed if block is reported as such, not taken as a scene choice', () => {
    const body = ['=== a', 'if debt > 2', '  * Inside. [1h] -> over', '    ~ debt += 1', 'end', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n');
    const result = parseBody(body);
    expect(reported(result)).toEqual([
      `${where(F, result.source, '* Inside', '*')}: choices cannot sit inside an if block: put the condition on the choice with \`hidden unless\``,
    ]);
  });

  it('reports every problem in one run, sorted by file, line and column', () => {
    const body = [
      '=== a',
      '~ nope = 1',
      '* Go. [0m] -> ovr',
      '* Go. [1h] -> over',
      '=== lost',
      '-> lost',
      '=== ending over "Over"',
      '',
    ].join('\n');
    const result = parseBody(body);
    expect(result.story).toBeNull();
    expect(result.problems.length).toBeGreaterThanOrEqual(6);
    const sorted = [...result.problems].sort(compareProblems);
    expect(result.problems).toEqual(sorted);
    for (let i = 1; i < result.problems.length; i++) {
      const [a, b] = [result.problems[i - 1]!, result.problems[i]!];
      expect(a.line < b.line || (a.line === b.line && a.col <= b.col)).toBe(true);
    }
    const lines = new Set(result.problems.map((p) => p.line));
    for (const lineText of ['~ nope', '* Go. [0m]', '=== lost']) expect(lines.has(Number(where(F, result.source, lineText).split(':')[1]))).toBe(true);
  });

  it('sorts problems of several files by file, then position', () => {
    const result = parseFiles({
      'main.pusher': `${HEAD}@include b.pusher\n=== a\n~ zzz = 1\n* Go. [1h] -> over\n=== ending over "Over"\n`,
      'b.pusher': '=== b\n~ yyy = 1\n-> over\n',
    });
    const files = result.problems.map((p) => p.file);
    expect(files).toEqual([...files].sort());
    expect(new Set(files)).toEqual(new Set(['main.pusher', 'b.pusher']));
  });
});

describe('parser: malformed lines get positioned problems', () => {
  const cases: Array<[string, string[], string, string, RegExp]> = [
    ['unknown directive', ['@colour red'], '@colour', '@', /unknown directive @colour/],
    ['bad @var', ['@var cash = lots'], '@var cash', 'cash', /@var reads/],
    ['var outside its range', ['@var cash = 50 in 0..10'], '@var cash', 'cash', /outside its range/],
    ['bad @time', ['@time later = Someday'], '@time later', 'later', /@time reads|not a time/],
    ['repeated @start', ['@start  a'], '@start  a', '@', /@start is already set at main.pusher:1/],
    ['a declared name kept by the game', ['@var day = 1 in 0..7'], '@var day', 'day', /kept by the game/],
    ['a redeclared name', ['@var debt = 1 in 0..7'], '@var debt = 1 in 0..7', 'debt', /already declared at main.pusher:4/],
    ['text outside a scene', ['Hello there.'], 'Hello there.', 'H', /text outside a scene/],
    ['bad chance line', ['=== a', '50% over', '* Go. [1h] -> over'], '50% over', '5', /a chance line reads/],
    ['bad effect', ['=== a', '~ 5 = debt', '* Go. [1h] -> over'], '~ 5', '~', /an effect reads/],
    ['unclosed brace', ['=== a', 'Hi {debt.', '* Go. [1h] -> over'], 'Hi {', '{', /unclosed '\{'/],
    ['locked with no reason', ['=== a', '* Go. [1h] -> over', '  locked unless debt > 1'], 'locked unless', 'locked unless debt > 1', /needs a reason after a colon/],
    ['bad target', ['=== a', '* Go. [1h] -> Over!'], '* Go.', 'Over!', /'Over!' is not a scene id/],
  ];
  for (const [name, lines, lineText, token, message] of cases) {
    it(name, () => {
      const body = `${lines.join('\n')}\n${lines[0]!.startsWith('===') ? '' : '=== a\n* Go. [1h] -> over\n'}=== ending over "Over"\n`;
      const result = parseBody(body);
      expect(result.story).toBeNull();
      const at = where(F, result.source, lineText, token);
      // 'locked unless' without a colon points just past the end of the line.
      const expectedAt = name === 'locked with no reason' ? at.replace(/:(\d+)$/, (_, c) => `:${Number(c) + token.length}`) : at;
      const match = reported(result).find((p) => message.test(p));
      expect(match, reported(result).join('\n')).toBeDefined();
      expect(match!.startsWith(`${expectedAt}: `)).toBe(true);
    });
  }
});
