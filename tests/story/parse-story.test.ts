import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Statement, Text } from '../../src/story/types.js';
import { HEAD, locate, parseBody, parseFiles, storyOf } from './helpers.js';

const literal = (text: Text): string => text.map((part) => (part.kind === 'lit' ? part.text : `<${part.kind}>`)).join('');
const kinds = (body: Statement[]) => body.map((statement) => statement.kind);

describe('parseStory: a good story', () => {
  it('parses the documented example (tests/fixtures/tiny.pusher) with no problems', () => {
    const source = readFileSync(new URL('../fixtures/tiny.pusher', import.meta.url), 'utf8');
    const result = parseFiles({ 'tiny.pusher': source }, 'tiny.pusher');
    expect(result.problems).toEqual([]);
    const story = result.story!;
    expect(story.id).toBe('tiny');
    expect(story.title).toBe('A Tiny Debt');
    expect(story.note).toBe('Contains: debt.');
    expect(story.start).toBe('kitchen');
    expect(story.clockStart).toBe(8 * 60);
    expect(story.timeout).toEqual({ at: 20 * 60, target: 'out_of_time' });
    expect(story.sceneOrder).toEqual(['kitchen', 'kitchen_counted', 'mother', 'collector', 'beaten', 'spared', 'out_of_time']);
    expect(story.varOrder).toEqual(['debt', 'deadline', 'cash', 'nerve', 'called_mother']);
    expect(story.vars['debt']).toMatchObject({ type: 'int', initial: 1000, min: 0, max: 5000, show: { label: 'Debt', unit: 'kr' } });
    expect(story.vars['nerve']!.show).toBeNull();
    expect(story.vars['called_mother']).toMatchObject({ type: 'bool', initial: false });
    expect(story.vars['deadline']).toMatchObject({ type: 'time', initial: 12 * 60 });
    expect(story.events.map((event) => event.trigger)).toEqual(['dawn', 'deadline']);
    expect(story.scenes['beaten']!.ending).toEqual({ title: 'Broken Fingers' });
    expect(story.scenes['kitchen']!.ending).toBeNull();
    expect(story.sources['tiny.pusher']).toBe(source);
  });

  it('splits prose into paragraphs at blank lines and joins the lines of one paragraph with a space', () => {
    const { story, problems } = parseBody(
      ['=== a', 'First line', 'of one paragraph.', '', 'A second paragraph.', '* Go. [1h] -> over', '=== ending over "Over"', 'Done.', ''].join('\n'),
    );
    expect(problems).toEqual([]);
    const body = story!.scenes['a']!.body;
    expect(kinds(body)).toEqual(['para', 'para']);
    const [first, second] = body as Array<Extract<Statement, { kind: 'para' }>>;
    expect(literal(first!.text)).toBe('First line of one paragraph.');
    expect(literal(second!.text)).toBe('A second paragraph.');
  });

  it('reads interpolation and conditional text into parts', () => {
    const { story, problems } = parseBody(['=== a', 'Owe {debt}. {if debt > 5: Much.|Little.} {if debt > 0: Only then.}', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n'));
    expect(problems).toEqual([]);
    const para = story!.scenes['a']!.body[0] as Extract<Statement, { kind: 'para' }>;
    const parts = para.text;
    expect(parts.map((part) => part.kind)).toEqual(['lit', 'expr', 'lit', 'cond', 'lit', 'cond']);
    const cond = parts[3] as Extract<Text[number], { kind: 'cond' }>;
    expect(literal(cond.then)).toBe('Much.');
    expect(literal(cond.else)).toBe('Little.');
    const onlyThen = parts[5] as Extract<Text[number], { kind: 'cond' }>;
    expect(literal(onlyThen.then)).toBe('Only then.');
    expect(onlyThen.else).toEqual([]);
  });

  it('keeps a line starting with a backslash as prose', () => {
    const { story, problems } = parseBody(['=== a', '\\* not a choice', '\\-> not a jump', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n'));
    expect(problems).toEqual([]);
    const para = story!.scenes['a']!.body[0] as Extract<Statement, { kind: 'para' }>;
    expect(literal(para.text)).toBe('* not a choice -> not a jump');
  });

  it('nests if / elif / else / end blocks with prose, effects and jumps', () => {
    const body = [
      '=== a',
      'if debt > 500',
      '  Lots.',
      '  if debt > 900',
      '    ~ debt -= 1',
      '  end',
      'elif debt > 100',
      '  -> over',
      'else',
      '  Little.',
      'end',
      '* Go. [1h] -> over',
      '=== ending over "Over"',
      '',
    ].join('\n');
    const { story, problems } = parseBody(body);
    expect(problems).toEqual([]);
    const [block] = story!.scenes['a']!.body as Array<Extract<Statement, { kind: 'if' }>>;
    expect(block!.kind).toBe('if');
    expect(block!.branches.map((branch) => branch.cond === null)).toEqual([false, false, true]);
    expect(kinds(block!.branches[0]!.body)).toEqual(['para', 'if']);
    expect(kinds(block!.branches[1]!.body)).toEqual(['jump']);
    expect(kinds(block!.branches[2]!.body)).toEqual(['para']);
  });

  it('derives choice ids from the scene and label, and keeps explicit #ids', () => {
    const { story, problems } = parseBody(
      ["=== a", "* Drive out to Hasse's. [1h] -> over", '* Count {debt} coins! [5m] -> over', '* Named. [1h] -> over #my_id', '=== ending over "Over"', ''].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(story!.scenes['a']!.choices.map((choice) => choice.id)).toEqual(['a.drive_out_to_hasse_s', 'a.count_coins', 'my_id']);
  });

  it('reads costs as minutes, targets, and the several conditions under a choice', () => {
    const body = [
      '=== a',
      '* Go. [1h30m] -> over',
      '  hidden unless debt > 1',
      '  hidden unless debt < 999',
      '  locked unless debt > 2: Not yet: {debt} is too little.',
      '  locked unless debt > 3: Second reason.',
      '  ~ debt += 5',
      '* Leave. [1d] -> over',
      '=== ending over "Over"',
      '',
    ].join('\n');
    const { story, problems } = parseBody(body);
    expect(problems).toEqual([]);
    const [go, leave] = story!.scenes['a']!.choices;
    expect(go!.cost).toBe(90);
    expect(leave!.cost).toBe(24 * 60);
    expect(go!.target).toBe('over');
    expect(go!.hiddenUnless).toHaveLength(2);
    expect(go!.lockedUnless).toHaveLength(2);
    expect(literal(go!.lockedUnless[0]!.reason)).toBe('Not yet: <expr> is too little.');
    expect(literal(go!.lockedUnless[1]!.reason)).toBe('Second reason.');
    expect(kinds(go!.body)).toEqual(['effect']);
  });

  it('lets a choice leave off its target when its body ends in a jump or a chance draw', () => {
    const body = ['=== a', '* Risk it. [1h]', '  50% -> over', '  50% -> a', '* Jump. [1h]', '  -> over', '=== ending over "Over"', ''].join('\n');
    const { story, problems } = parseBody(body);
    expect(problems).toEqual([]);
    const [risk, jump] = story!.scenes['a']!.choices;
    expect(risk!.target).toBeNull();
    expect(kinds(risk!.body)).toEqual(['chance']);
    const chance = risk!.body[0] as Extract<Statement, { kind: 'chance' }>;
    expect(chance.branches.map((branch) => [branch.percent, branch.target])).toEqual([
      [50, 'over'],
      [50, 'a'],
    ]);
    expect(kinds(jump!.body)).toEqual(['jump']);
  });

  it('reads effects with =, += and -=, waits and wait until', () => {
    const body = ['=== a', '~ debt = 5', '~ debt += debt / 2', '~ debt -= 1', '~ deadline += 1d', '~ wait 2h', '~ wait until Tue 08:00', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n');
    const { story, problems } = parseBody(body);
    expect(problems).toEqual([]);
    const statements = story!.scenes['a']!.body;
    expect(kinds(statements)).toEqual(['effect', 'effect', 'effect', 'effect', 'wait', 'wait-until']);
    expect(statements.slice(0, 4).map((s) => (s as Extract<Statement, { kind: 'effect' }>).op)).toEqual(['=', '+=', '-=', '+=']);
    const wait = statements[4] as Extract<Statement, { kind: 'wait' }>;
    expect(wait.duration).toMatchObject({ kind: 'int', value: 120 });
    const until = statements[5] as Extract<Statement, { kind: 'wait-until' }>;
    expect(until.time).toMatchObject({ kind: 'time', value: 24 * 60 + 8 * 60 });
  });

  it('numbers the chance draws of a scene so each has its own key', () => {
    const body = ['=== a', 'if debt > 1', '  50% -> over', '  50% -> b', 'end', '30% -> over', '70% -> b', '=== b', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n');
    const { story, problems } = parseBody(body);
    expect(problems).toEqual([]);
    const [block, chance] = story!.scenes['a']!.body;
    const inner = (block as Extract<Statement, { kind: 'if' }>).branches[0]!.body[0] as Extract<Statement, { kind: 'chance' }>;
    expect(inner.ordinal).not.toBe((chance as Extract<Statement, { kind: 'chance' }>).ordinal);
  });

  it('drops trailing // comments but keeps :// inside words', () => {
    const body = ['=== a', 'See http://example.com/x here. // a note', '* Go. [1h] -> over #go // why', '  ~ debt += 1 // and why', '=== ending over "Over" // the end', ''].join('\n');
    const { story, problems } = parseBody(body);
    expect(problems).toEqual([]);
    const para = story!.scenes['a']!.body[0] as Extract<Statement, { kind: 'para' }>;
    expect(literal(para.text)).toBe('See http://example.com/x here.');
    const choice = story!.scenes['a']!.choices[0]!;
    expect(choice.id).toBe('go');
    expect(choice.target).toBe('over');
    expect(story!.scenes['over']!.ending).toEqual({ title: 'Over' });
  });

  it('records positions of scenes and choices', () => {
    const { story, source } = parseBody(['=== a', '  * Go. [1h] -> over', '=== ending over "Over"', ''].join('\n'));
    expect(story!.scenes['a']!.pos).toEqual({ file: 'main.pusher', ...locate(source, '=== a', 'a') });
    expect(story!.scenes['over']!.pos).toEqual({ file: 'main.pusher', ...locate(source, '=== ending over', 'over') });
    expect(story!.scenes['a']!.choices[0]!.pos).toEqual({ file: 'main.pusher', ...locate(source, '* Go.', '*') });
  });

  it('story data is plain JSON', () => {
    const { story } = parseBody(['=== a', 'Hi {debt}.', '* Go. [1h] -> over', '=== ending over "Over"', ''].join('\n'));
    expect(JSON.parse(JSON.stringify(story))).toEqual(story);
  });
});

describe('parseStory: includes', () => {
  it('reads included files relative to the including file', () => {
    const result = parseFiles({
      'story/main.pusher': `${HEAD}@include days/mon.pusher\n=== ending over "Over"\n`,
      'story/days/mon.pusher': '=== a\n* Go. [1h] -> b\n@include ../extra/b.pusher\n',
      'story/extra/b.pusher': '=== b\n-> over\n',
    }, 'story/main.pusher');
    expect(result.problems).toEqual([]);
    expect(result.story!.sceneOrder.sort()).toEqual(['a', 'b', 'over']);
    expect(Object.keys(result.sources).sort()).toEqual(['story/days/mon.pusher', 'story/extra/b.pusher', 'story/main.pusher']);
  });

  it('reports a missing include at the @include argument', () => {
    const main = `${HEAD}@include nowhere.pusher\n=== a\n* Go. [1h] -> over\n=== ending over "Over"\n`;
    const result = parseFiles({ 'main.pusher': main });
    expect(result.story).toBeNull();
    const at = locate(main, '@include', 'nowhere');
    expect(result.problems).toEqual([{ file: 'main.pusher', ...at, message: expect.stringContaining("cannot read 'nowhere.pusher'"), code: 'file' }]);
  });

  it('reports an include cycle, with the chain of files, where it closes', () => {
    const b = '=== b\n-> over\n@include main.pusher\n';
    const result = parseFiles({
      'main.pusher': `${HEAD}@include b.pusher\n=== a\n* Go. [1h] -> b\n=== ending over "Over"\n`,
      'b.pusher': b,
    });
    expect(result.story).toBeNull();
    expect(result.problems).toHaveLength(1);
    const problem = result.problems[0]!;
    expect(problem).toMatchObject({ file: 'b.pusher', ...locate(b, '@include', 'main') });
    expect(problem.message).toContain('includes itself');
    expect(problem.message).toContain('main.pusher → b.pusher');
  });

  it('reports a file that includes itself', () => {
    const main = `${HEAD}@include ./main.pusher\n=== a\n* Go. [1h] -> over\n=== ending over "Over"\n`;
    const result = parseFiles({ 'main.pusher': main });
    expect(result.problems.map((p) => [p.line, p.col])).toEqual([[locate(main, '@include').line, locate(main, '@include', './main').col]]);
    expect(result.problems[0]!.message).toContain('includes itself');
  });

  it('reports a missing main file without throwing', () => {
    const result = parseFiles({}, 'gone.pusher');
    expect(result.story).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.file).toBe('gone.pusher');
  });
});

describe('storyOf helper sanity', () => {
  it('throws with the problems when a story is broken', () => {
    expect(() => storyOf('=== a\n')).toThrow(/@start/);
  });
});
