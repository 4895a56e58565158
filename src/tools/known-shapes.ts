import type { Expr, Statement, Story } from '../story/types.js';

/** The story uses a construct the compiled transitions do not know. */
export class Unsupported extends Error {}

// The fields the compiled transitions understand, per kind of node. A story whose parsed
// form has anything else (a new statement, a new field on a choice, a new expression) is
// not compiled: the sweep then drives the engine, so new constructs stay right without
// teaching them twice. Prose (labels, reasons, paragraphs) is never looked into: it is
// not state.
const STORY = [
  'id',
  'title',
  'note',
  'start',
  'clockStart',
  'timeout',
  'vars',
  'varOrder',
  'events',
  'scenes',
  'sceneOrder',
  'meters',
  'sources',
  'personas',
];
const VAR = ['name', 'type', 'initial', 'min', 'max', 'show', 'pos'];
const EVENT = ['trigger', 'when', 'body', 'id', 'pos'];
const SCENE = ['id', 'ending', 'body', 'choices', 'pos'];
// `ledger`, `flavour` and `personas` are display and check's warnings only; `declared` is a
// range (whose least, `cost`, is what the choice spends) or an `until`. `once` is not known.
const CHOICE = [
  'id',
  'label',
  'cost',
  'target',
  'hiddenUnless',
  'lockedUnless',
  'body',
  'pos',
  'targetPos',
  'ledger',
  'flavour',
  'personas',
  'declared',
];
const STATEMENT: Record<string, string[]> = {
  para: ['kind', 'text', 'pos'],
  effect: ['kind', 'name', 'op', 'value', 'pos'],
  wait: ['kind', 'duration', 'pos'],
  'wait-until': ['kind', 'time', 'pos'],
  jump: ['kind', 'target', 'pos'],
  chance: ['kind', 'branches', 'ordinal', 'pos'],
  if: ['kind', 'branches', 'pos'],
};
const EXPR: Record<string, string[]> = {
  int: ['kind', 'value', 'pos'],
  bool: ['kind', 'value', 'pos'],
  time: ['kind', 'value', 'pos'],
  name: ['kind', 'name', 'pos'],
  unary: ['kind', 'op', 'arg', 'pos'],
  binary: ['kind', 'op', 'left', 'right', 'pos'],
  call: ['kind', 'fn', 'args', 'pos'],
};

/** An unknown field is harmless only while it is empty: the construct is not used. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function only(node: object | null, allowed: readonly string[] | undefined, what: string): void {
  if (!node) return;
  if (!allowed) throw new Unsupported(`${what} of an unknown kind`);
  for (const [key, value] of Object.entries(node)) {
    if (!allowed.includes(key) && !isEmpty(value)) throw new Unsupported(`${what} with '${key}'`);
  }
}

function expr(e: Expr | null): void {
  if (!e) return;
  only(e, EXPR[e.kind], 'expression');
  if (e.kind === 'unary') expr(e.arg);
  else if (e.kind === 'binary') {
    expr(e.left);
    expr(e.right);
  } else if (e.kind === 'call') e.args.forEach(expr);
}

function body(statements: Statement[]): void {
  for (const s of statements) {
    only(s, STATEMENT[s.kind], 'statement');
    if (s.kind === 'effect') expr(s.value);
    else if (s.kind === 'wait') expr(s.duration);
    else if (s.kind === 'wait-until') expr(s.time);
    else if (s.kind === 'chance') s.branches.forEach((branch) => only(branch, ['percent', 'target', 'pos'], 'draw'));
    else if (s.kind === 'if')
      for (const branch of s.branches) {
        only(branch, ['cond', 'body', 'pos'], 'branch');
        expr(branch.cond);
        body(branch.body);
      }
  }
}

/** Throws Unsupported when the story uses anything compiled-story.ts does not know. */
export function assertShapesKnown(story: Story): void {
  only(story, STORY, 'story');
  only(story.timeout, ['at', 'target'], 'timeout');
  only(story.meters, ['money', 'time'], 'meters');
  for (const name of story.varOrder) {
    const decl = story.vars[name]!;
    only(decl, VAR, 'variable');
    if (decl.type !== 'int' && decl.type !== 'bool' && decl.type !== 'time') throw new Unsupported('variable type');
  }
  for (const event of story.events) {
    only(event, EVENT, 'event');
    expr(event.when);
    body(event.body);
  }
  for (const id of story.sceneOrder) {
    const scene = story.scenes[id]!;
    only(scene, SCENE, 'scene');
    only(scene.ending, ['title'], 'ending');
    body(scene.body);
    for (const choice of scene.choices) {
      only(choice, CHOICE, 'choice');
      if (choice.declared) only(choice.declared, ['kind', 'min', 'max', 'at'], 'cost');
      choice.hiddenUnless.forEach(expr);
      for (const lock of choice.lockedUnless) {
        only(lock, ['cond', 'reason'], 'lock');
        expr(lock.cond);
      }
      body(choice.body);
    }
  }
}
