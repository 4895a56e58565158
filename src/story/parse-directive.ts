import type { EventDecl, Persona, SourcePos, VarDecl } from './types.js';
import type { ParseContext } from './parse-context.js';
import { posIn, type SourceLine } from './source-lines.js';
import { parseBlock } from './parse-block.js';
import { parseExpression } from './expression/parse-expression.js';
import { parseWeekTime } from './week-time.js';
import { didYouMean } from './did-you-mean.js';

/** What the directives of all files say, gathered before the story is assembled. */
export interface Directives {
  id?: { value: string; pos: SourcePos };
  title?: { value: string; pos: SourcePos };
  note?: { value: string; pos: SourcePos };
  start?: { value: string; pos: SourcePos };
  clock?: { value: number; pos: SourcePos };
  timeout?: { at: number; target: string; pos: SourcePos; targetPos: SourcePos };
  vars: VarDecl[];
  events: EventDecl[];
  includes: Array<{ path: string; pos: SourcePos }>;
  /** `@persona` lines; optional so that callers building Directives by hand need not know them */
  personas?: Persona[];
  /** `@meter money NAME` and `@meter time NAME` */
  meters?: Partial<Record<'money' | 'time', { name: string; pos: SourcePos }>>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SHOW = /\s+show\s+"([^"]*)"(?:\s+unit\s+(\S+))?\s*$/;
const VAR = /^([A-Za-z_]\w*)\s*=\s*(-?\d+)\s+in\s+(-?\d+)\s*\.\.\s*(-?\d+)$/;
const FLAG = /^([A-Za-z_]\w*)(?:\s*=\s*(true|false))?$/;
const TIME = /^([A-Za-z_]\w*)\s*=\s*(.+)$/;
const SINGLE = ['id', 'title', 'note', 'start', 'clock', 'timeout'] as const;

function unquote(text: string): string {
  const match = /^"(.*)"$/.exec(text.trim());
  return match ? match[1]! : text.trim();
}

/** Splits off a trailing `show "Label" unit kr`. */
function takeShow(text: string): { rest: string; show: VarDecl['show'] } {
  const match = SHOW.exec(text);
  if (!match) return { rest: text, show: null };
  return { rest: text.slice(0, match.index).trim(), show: { label: match[1]!, unit: match[2] ?? null } };
}

/**
 * Parses one `@` line (and, for `@on`, the indented body lines given with it) into `into`.
 */
export function parseDirective(head: SourceLine, body: SourceLine[], into: Directives, ctx: ParseContext): void {
  const match = /^@([a-z]+)\s*(.*)$/.exec(head.text);
  const pos = posIn(head);
  if (!match) {
    ctx.report(pos, 'a directive reads `@name value`');
    return;
  }
  const [, name, argument] = match as unknown as [string, string, string];
  const argPos = posIn(head, head.text.length - argument.length);
  if (name !== 'on' && body.length > 0) ctx.report(posIn(body[0]!), `only @on takes indented lines; this belongs to @${name}`);

  if ((SINGLE as readonly string[]).includes(name) && into[name as (typeof SINGLE)[number]]) {
    const first = into[name as (typeof SINGLE)[number]]!.pos;
    ctx.report(pos, `@${name} is already set at ${first.file}:${first.line}`);
    return;
  }
  const requireArgument = (what: string): boolean => {
    if (argument) return true;
    ctx.report(pos, `@${name} needs ${what}`);
    return false;
  };

  switch (name) {
    case 'id':
    case 'start':
      if (!requireArgument(name === 'id' ? 'a story id' : 'the first scene')) return;
      if (!NAME.test(argument)) {
        ctx.report(argPos, `'${argument}' is not a valid ${name === 'id' ? 'id' : 'scene id'}`);
        return;
      }
      into[name] = { value: argument, pos: argPos };
      return;
    case 'title':
    case 'note':
      if (!requireArgument('some text in quotes')) return;
      into[name] = { value: unquote(argument), pos: argPos };
      return;
    case 'include':
      if (!requireArgument('a file to include')) return;
      into.includes.push({ path: unquote(argument), pos: argPos });
      return;
    case 'clock': {
      if (!requireArgument('a time such as `Mon 08:00`')) return;
      const value = parseWeekTime(argument);
      if (value === null) ctx.report(argPos, `'${argument}' is not a time of the week (write it like Mon 08:00)`);
      else into.clock = { value, pos: argPos };
      return;
    }
    case 'timeout': {
      const timeout = /^(.*?)\s*->\s*(\S*)\s*$/.exec(argument);
      if (!timeout) {
        ctx.report(argPos, '@timeout reads `@timeout Sun 23:00 -> ending_scene`');
        return;
      }
      const at = parseWeekTime(timeout[1]!);
      if (at === null) ctx.report(argPos, `'${timeout[1]}' is not a time of the week (write it like Sun 23:00)`);
      const targetPos = posIn(head, head.text.lastIndexOf(timeout[2]!));
      if (!NAME.test(timeout[2]!)) ctx.report(targetPos, '@timeout needs an ending scene after ->');
      if (at !== null) into.timeout = { at, target: timeout[2]!, pos: argPos, targetPos };
      return;
    }
    case 'var':
    case 'flag':
    case 'time':
      parseDeclaration(name, argument, argPos, into, ctx);
      return;
    case 'on':
      parseEvent(argument, argPos, head, body, into, ctx);
      return;
    case 'persona': {
      const persona = /^([A-Za-z_][A-Za-z0-9_]*)\s+"([^"]*)"$/.exec(argument);
      if (!persona) {
        ctx.report(argPos, '@persona reads `@persona loyal_tonny "Loyal to Tonny"`');
        return;
      }
      const personas = (into.personas ??= []);
      const earlier = personas.find((known) => known.id === persona[1]);
      if (earlier) ctx.report(argPos, `persona '${persona[1]}' is already declared at ${earlier.pos.file}:${earlier.pos.line}`);
      else personas.push({ id: persona[1]!, title: persona[2]!, pos: argPos });
      return;
    }
    case 'meter': {
      const meter = /^(money|time)\s+([A-Za-z_]\w*)\s*$/.exec(argument);
      if (!meter) {
        ctx.report(argPos, '@meter reads `@meter money NAME` (a whole-number @var) or `@meter time NAME` (the @time the clock counts down to)');
        return;
      }
      const kind = meter[1] as 'money' | 'time';
      const meters = (into.meters ??= {});
      const first = meters[kind];
      if (first) ctx.report(pos, `@meter ${kind} is already set at ${first.pos.file}:${first.pos.line}`);
      else meters[kind] = { name: meter[2]!, pos: posIn(head, head.text.lastIndexOf(meter[2]!)) };
      return;
    }
    default:
      ctx.report(pos, `unknown directive @${name}${unknownDirectiveHint(name)}`);
  }
}

const DIRECTIVES = ['id', 'title', 'note', 'start', 'clock', 'timeout', 'include', 'var', 'flag', 'time', 'meter', 'on', 'persona'];

/** ` (did you mean '@var'?)` for a near miss, else the list of directives. */
function unknownDirectiveHint(name: string): string {
  const near = didYouMean(name, DIRECTIVES);
  return near ? near.replace("'", "'@") : ` (known: ${DIRECTIVES.map((d) => `@${d}`).join(' ')})`;
}

function parseDeclaration(kind: 'var' | 'flag' | 'time', argument: string, argPos: SourcePos, into: Directives, ctx: ParseContext): void {
  const { rest, show } = takeShow(argument);
  const shapes = {
    var: '`@var name = 0 in 0..100`',
    flag: '`@flag name` or `@flag name = true`',
    time: '`@time name = Wed 20:00`',
  };
  const bad = () => ctx.report(argPos, `@${kind} reads ${shapes[kind]}`);
  let decl: VarDecl | null = null;
  if (kind === 'var') {
    const m = VAR.exec(rest);
    if (!m) return bad();
    const [initial, min, max] = [Number(m[2]), Number(m[3]), Number(m[4])];
    const unsafe = [m[2]!, m[3]!, m[4]!].find((text) => !Number.isSafeInteger(Number(text)));
    if (unsafe !== undefined) ctx.report(argPos, `${unsafe} is out of range: whole numbers run from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`);
    else if (min > max) ctx.report(argPos, `the range ${min}..${max} is empty`);
    else if (initial < min || initial > max) ctx.report(argPos, `${m[1]} starts at ${initial}, outside its range ${min}..${max}`);
    decl = { name: m[1]!, type: 'int', initial, min, max, show, pos: argPos };
  } else if (kind === 'flag') {
    const m = FLAG.exec(rest);
    if (!m) return bad();
    decl = { name: m[1]!, type: 'bool', initial: m[2] === 'true', min: null, max: null, show, pos: argPos };
  } else {
    const m = TIME.exec(rest);
    if (!m) return bad();
    const value = parseWeekTime(m[2]!);
    if (value === null) {
      ctx.report(argPos, `'${m[2]}' is not a time of the week (write it like Wed 20:00)`);
      return;
    }
    decl = { name: m[1]!, type: 'time', initial: value, min: null, max: null, show, pos: argPos };
  }
  into.vars.push(decl);
}

function parseEvent(argument: string, argPos: SourcePos, head: SourceLine, body: SourceLine[], into: Directives, ctx: ParseContext): void {
  const m = /^(dawn|deadline)(?:\s+when\s+(.*))?$/.exec(argument);
  if (!m) {
    ctx.report(argPos, '@on reads `@on dawn`, `@on deadline` or `@on dawn when day == 3`');
    return;
  }
  const whenText = m[2];
  const when = whenText
    ? ctx.attempt(() => parseExpression(whenText, posIn(head, head.text.length - whenText.length)), null)
    : null;
  // Keyed by what the event says, not where it sits, so an edit elsewhere (a line added above
  // it, a file renamed) does not reshuffle its chance draws; repeats are numbered in order.
  const base = `@on ${m[1]}${whenText ? ` when ${whenText.replace(/\s+/g, ' ').trim()}` : ''}`;
  const repeats = into.events.filter((event) => event.id === base || event.id.startsWith(`${base} #`)).length;
  const id = repeats ? `${base} #${repeats + 1}` : base;
  into.events.push({ trigger: m[1] as 'dawn' | 'deadline', when, body: parseBlock(body, ctx, { next: 0 }), id, pos: argPos });
}
