import type { ChanceBranch, IfBranch, SourcePos, Statement } from './types.js';
import type { ParseContext } from './parse-context.js';
import { isBlank, isComment, posIn, type SourceLine } from './source-lines.js';
import { parseExpression } from './expression/parse-expression.js';
import { isEscape, parseText } from './parse-text.js';
import { MAX_IF_DEPTH } from './limits.js';
import { lookAlike } from './look-alike.js';

/** Numbers the chance draws of one scene, choice or event, so each draw has a stable key. */
export interface ChanceCounter {
  next: number;
}

const EFFECT = /^~\s*([A-Za-z_][A-Za-z0-9_]*)\s*(\+=|-=|=)\s*(.*)$/;
const WAIT_UNTIL = /^~\s*wait\s+until\s+(.*)$/;
const WAIT = /^~\s*wait\s+(.*)$/;
const JUMP = /^->\s*(.*)$/;
const RETURN = /^->->(.*)$/;
const TUNNEL = /^->\s*([^\s-][^\s]*)\s*->\s*(.*)$/;
const CHANCE = /^(\d+)\s*%\s*->\s*(.*)$/;
const SCENE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isChanceLine(text: string): boolean {
  return /^\d+\s*%/.test(text);
}

/** The keyword a control line starts with, if any. */
function controlKeyword(text: string): 'if' | 'elif' | 'else' | 'end' | null {
  const match = /^(if|elif|else|end)(?=\s|$)/.exec(text);
  return match ? (match[1] as 'if' | 'elif' | 'else' | 'end') : null;
}

export function parseJumpTarget(ctx: ParseContext, text: string, pos: SourcePos): string {
  const target = text.trim();
  if (!SCENE_ID.test(target)) {
    ctx.report(pos, target ? `'${target}' is not a scene id` : "'->' needs a scene to jump to");
    return '';
  }
  return target;
}

interface OpenIf {
  statement: Extract<Statement, { kind: 'if' }>;
  sawElse: boolean;
  /** the body statements are added to before this `if` was opened */
  outer: Statement[];
}

/**
 * Parses the statements of a scene, choice or event body: prose paragraphs, effects,
 * waits, jumps, chance draws and if/elif/else/end blocks.
 */
export function parseBlock(lines: SourceLine[], ctx: ParseContext, chances: ChanceCounter): Statement[] {
  const root: Statement[] = [];
  let body = root;
  const open: OpenIf[] = [];
  let paragraph: { lines: SourceLine[] } | null = null;
  let chance: Extract<Statement, { kind: 'chance' }> | null = null;
  // Past MAX_IF_DEPTH an `if` is reported and its lines, to its own `end`, are passed over.
  let skipping = 0;

  const flushParagraph = () => {
    if (!paragraph) return;
    const first = paragraph.lines[0]!;
    // Lines of one paragraph are joined with single spaces; positions stay those of the
    // line each part came from, so the parts are parsed line by line and concatenated.
    const text = paragraph.lines.flatMap((line, index) => {
      // `\` starting a line makes it prose; `\{` is a literal brace, left to parseText.
      const escaped = line.text.startsWith('\\') && !isEscape(line.text, 0);
      const source = escaped ? line.text.slice(1) : line.text;
      const parts = ctx.attempt(() => parseText(source, posIn(line, escaped ? 1 : 0)), []);
      return index === 0 ? parts : [{ kind: 'lit' as const, text: ' ' }, ...parts];
    });
    body.push({ kind: 'para', text, pos: posIn(first) });
    paragraph = null;
  };
  const flushChance = () => {
    if (!chance) return;
    const total = chance.branches.reduce((sum, branch) => sum + branch.percent, 0);
    if (total !== 100) ctx.reportSoft(chance.pos, `the chances here add up to ${total}%, not 100%`);
    body.push(chance);
    chance = null;
  };
  const flushAll = () => {
    flushParagraph();
    flushChance();
  };

  for (const line of lines) {
    if (isComment(line)) continue;
    if (isBlank(line)) {
      flushAll();
      continue;
    }
    const text = line.text;
    const pos = posIn(line);
    const keyword = controlKeyword(text);
    if (skipping > 0) {
      if (keyword === 'if') skipping++;
      else if (keyword === 'end') skipping--;
      continue;
    }

    if (isChanceLine(text)) {
      flushParagraph();
      const match = CHANCE.exec(text);
      if (!match) {
        ctx.report(pos, 'a chance line reads `40% -> scene`');
        continue;
      }
      const percent = Number(match[1]);
      if (percent <= 0) ctx.report(pos, 'a chance must be more than 0%');
      else if (percent > 100) ctx.report(pos, 'a chance is at most 100%');
      const target = parseJumpTarget(ctx, match[2]!, posIn(line, text.indexOf('->') + 2));
      const branch: ChanceBranch = { percent, target, pos };
      if (!chance) chance = { kind: 'chance', branches: [], ordinal: chances.next++, pos };
      chance.branches.push(branch);
      continue;
    }
    flushChance();

    if (keyword) {
      flushParagraph();
      const rest = text.slice(keyword.length).trim();
      if (keyword === 'if' && open.length >= MAX_IF_DEPTH) {
        ctx.report(pos, `'if' blocks nest at most ${MAX_IF_DEPTH} deep: this one is inside ${open.length} others`);
        skipping = 1;
        continue;
      }
      if (keyword === 'if') {
        const cond = ctx.attempt(() => parseExpression(rest, posIn(line, text.indexOf(rest, 2))), null);
        if (!rest) ctx.report(pos, "'if' needs a condition");
        const branch: IfBranch = { cond: cond ?? { kind: 'bool', value: false, pos }, body: [], pos };
        const statement: Extract<Statement, { kind: 'if' }> = { kind: 'if', branches: [branch], pos };
        body.push(statement);
        open.push({ statement, sawElse: false, outer: body });
        body = branch.body;
        continue;
      }
      const top = open[open.length - 1];
      if (!top) {
        ctx.report(pos, `'${keyword}' without an 'if' above it`);
        continue;
      }
      if (keyword === 'end') {
        if (rest) ctx.report(posIn(line, 4), "nothing may follow 'end'");
        open.pop();
        body = top.outer;
        continue;
      }
      if (top.sawElse) {
        ctx.report(pos, `'${keyword}' after 'else' in the same 'if'`);
        continue;
      }
      let cond = null;
      if (keyword === 'elif') {
        if (!rest) ctx.report(pos, "'elif' needs a condition");
        cond = ctx.attempt(() => parseExpression(rest, posIn(line, text.indexOf(rest, 4))), null) ?? {
          kind: 'bool' as const,
          value: false,
          pos,
        };
      } else {
        if (rest) ctx.report(posIn(line, 5), "'else' takes no condition (use 'elif')");
        top.sawElse = true;
      }
      const branch: IfBranch = { cond, body: [], pos };
      top.statement.branches.push(branch);
      body = branch.body;
      continue;
    }

    if (text.startsWith('~')) {
      flushParagraph();
      const waitUntil = WAIT_UNTIL.exec(text);
      const wait = WAIT.exec(text);
      const effect = EFFECT.exec(text);
      if (waitUntil) {
        const time = ctx.attempt(() => parseExpression(waitUntil[1]!, posIn(line, text.indexOf(waitUntil[1]!, 6))), null);
        if (time) body.push({ kind: 'wait-until', time, pos });
      } else if (wait && !effect) {
        const duration = ctx.attempt(() => parseExpression(wait[1]!, posIn(line, text.indexOf(wait[1]!, 2))), null);
        if (duration) body.push({ kind: 'wait', duration, pos });
      } else if (effect) {
        const [, name, op, valueText] = effect;
        const valueAt = text.length - valueText!.length;
        const value = ctx.attempt(() => parseExpression(valueText!, posIn(line, valueAt)), null);
        if (value) body.push({ kind: 'effect', name: name!, op: op as '=' | '+=' | '-=', value, pos: posIn(line, text.indexOf(name!)) });
      } else {
        ctx.report(pos, 'an effect reads `~ name = value`, `~ name += value`, `~ name -= value` or `~ wait 2h`');
      }
      continue;
    }

    const back = RETURN.exec(text);
    if (back) {
      flushParagraph();
      if (back[1]!.trim()) ctx.report(posIn(line, 4), "nothing may follow '->->' (it returns to where the tunnel was called)");
      body.push({ kind: 'return', pos });
      continue;
    }
    const tunnel = TUNNEL.exec(text);
    if (tunnel) {
      flushParagraph();
      const targetAt = text.indexOf(tunnel[1]!, 2);
      const nextAt = text.lastIndexOf('->') + 2;
      const target = parseJumpTarget(ctx, tunnel[1]!, posIn(line, targetAt));
      const next = tunnel[2]!.trim()
        ? parseJumpTarget(ctx, tunnel[2]!, posIn(line, nextAt + (tunnel[2]!.length - tunnel[2]!.trimStart().length)))
        : (ctx.report(posIn(line, nextAt), `a tunnel call names where to go on once it returns: \`-> ${tunnel[1]} -> next_scene\``), '');
      body.push({ kind: 'tunnel', target, next, pos: posIn(line, targetAt) });
      continue;
    }
    const jump = JUMP.exec(text);
    if (jump) {
      flushParagraph();
      const target = parseJumpTarget(ctx, jump[1]!, posIn(line, 2 + (jump[1]!.length - jump[1]!.trimStart().length)));
      body.push({ kind: 'jump', target, pos: posIn(line, text.indexOf(jump[1]!.trim(), 2)) });
      continue;
    }

    if (text.startsWith('*')) {
      flushParagraph();
      ctx.report(pos, open.length ? 'choices cannot sit inside an if block: put the condition on the choice with `hidden unless`' : 'a choice cannot be here');
      continue;
    }
    if (/^(hidden|locked)\s+unless\b/.test(text)) {
      flushParagraph();
      ctx.report(pos, `'${text.split(/\s/)[0]} unless' belongs on the indented lines under a choice`);
      continue;
    }

    const suspect = text.startsWith('\\') ? null : lookAlike(text);
    if (suspect) {
      flushParagraph();
      ctx.report(posIn(line, suspect.offset), suspect.message);
      continue;
    }
    if (!paragraph) paragraph = { lines: [] };
    paragraph.lines.push(line);
  }
  flushAll();
  for (const unclosed of open) ctx.report(unclosed.statement.pos, "this 'if' has no 'end'");
  return root;
}
