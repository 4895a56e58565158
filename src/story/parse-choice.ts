import type { Choice, DeclaredCost, Expr, Text } from './types.js';
import type { ParseContext } from './parse-context.js';
import { posIn, type SourceLine } from './source-lines.js';
import { parseBlock } from './parse-block.js';
import { parseExpression } from './expression/parse-expression.js';
import { conditionColon, parseText } from './parse-text.js';
import { parseDuration } from './week-time.js';

const TRAILING_ID = /\s#([A-Za-z0-9_.-]*)\s*$/;
const TRAILING_TARGET = /\s*->\s*(\S*)\s*$/;
const TRAILING_COST = /\s*\[([^\]]*)\]\s*$/;
const SCENE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HIDDEN = /^hidden\s+unless\b\s*(.*)$/;
const LOCKED = /^locked\s+unless\b\s*(.*)$/;
const FLAVOUR = /^flavou?r$/;
const PERSONA = /^persona\b\s*(.*)$/;
const LEDGER = /^ledger\s+(\S.*)$/;
const RANGE = /^(\S+?)\s*[-\u2013]\s*(\S+)$/;
const UNTIL = /^until\s+(\d{1,2}):(\d{2})$/;

/** `Drive out to Hasse's` → `drive_out_to_hasse_s` */
export function slugify(label: string): string {
  return label
    .replace(/\{[^}]*\}/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Parses `* LABEL [COST] -> TARGET #ID` and its indented body. The parts are taken from the
 * end of the line, so a label may hold anything but those trailing marks.
 */
export function parseChoice(lines: SourceLine[], sceneId: string, ctx: ParseContext): Choice {
  const head = lines[0]!;
  const pos = posIn(head);
  let rest = head.text.slice(1);
  const offsetOf = (fragment: string) => head.text.lastIndexOf(fragment);

  let explicitId: string | null = null;
  const idMatch = TRAILING_ID.exec(rest);
  if (idMatch) {
    explicitId = idMatch[1]!;
    if (!explicitId) ctx.report(posIn(head, offsetOf('#')), "'#' needs an id after it");
    rest = rest.slice(0, idMatch.index);
  }

  let target: string | null = null;
  let targetPos = null;
  const targetMatch = TRAILING_TARGET.exec(rest);
  if (targetMatch) {
    const at = 1 + targetMatch.index + targetMatch[0].indexOf('->') + 2;
    const targetOffset = head.text.indexOf(targetMatch[1]!, at);
    targetPos = posIn(head, targetMatch[1] ? targetOffset : at);
    target = targetMatch[1]!;
    if (!SCENE_ID.test(target)) {
      ctx.report(targetPos, target ? `'${target}' is not a scene id` : "'->' needs a scene to jump to");
      target = '';
    }
    rest = rest.slice(0, targetMatch.index);
  }

  let cost = 0;
  let declared: DeclaredCost | undefined;
  const costMatch = TRAILING_COST.exec(rest);
  if (costMatch) {
    const costPos = posIn(head, 1 + costMatch.index + costMatch[0].indexOf('[') + 1);
    const parsed = parseCost(costMatch[1]!.trim());
    if (typeof parsed === 'string') ctx.report(costPos, parsed);
    else {
      cost = parsed.cost;
      declared = parsed.declared;
    }
    rest = rest.slice(0, costMatch.index);
  } else {
    ctx.report(pos, 'this choice costs no time: add a cost such as [15m] after its label');
  }

  const labelSource = rest.trim();
  const labelAt = head.text.indexOf(labelSource, 1);
  if (!labelSource) ctx.report(pos, 'this choice has no label');
  const label: Text = ctx.attempt(() => parseText(labelSource, posIn(head, labelAt)), [{ kind: 'lit', text: labelSource }]);
  const id = explicitId || `${sceneId}.${slugify(labelSource) || 'choice'}`;

  const hiddenUnless: Expr[] = [];
  const lockedUnless: Choice['lockedUnless'] = [];
  const bodyLines: SourceLine[] = [];
  let flavour = false;
  const personas: string[] = [];
  let once = false;
  let ledger: Text | undefined;
  for (const line of lines.slice(1)) {
    const entry = LEDGER.exec(line.text);
    if (entry) {
      if (ledger) ctx.report(posIn(line), "a choice has one 'ledger' line");
      const at = line.text.length - entry[1]!.length;
      ledger = ctx.attempt(() => parseText(entry[1]!, posIn(line, at)), [{ kind: 'lit', text: entry[1]! }]);
      continue;
    }
    if (/^once\s*$/.test(line.text)) {
      if (once) ctx.report(posIn(line), "'once' is already said for this choice");
      once = true;
      continue;
    }
    const hidden = HIDDEN.exec(line.text);
    const locked = LOCKED.exec(line.text);
    const persona = PERSONA.exec(line.text);
    if (FLAVOUR.test(line.text)) {
      flavour = true;
    } else if (persona) {
      const ids = persona[1]!.split(/[\s,]+/).filter(Boolean);
      if (ids.length === 0) ctx.report(posIn(line), "'persona' needs the id of an @persona: `persona loyal_tonny`");
      for (const id of ids) {
        if (SCENE_ID.test(id)) personas.push(id);
        else ctx.report(posIn(line, line.text.indexOf(id)), `'${id}' is not a persona id`);
      }
    } else if (hidden) {
      const exprText = hidden[1]!;
      if (!exprText) ctx.report(posIn(line), "'hidden unless' needs a condition");
      const cond = ctx.attempt(() => parseExpression(exprText, posIn(line, line.text.length - exprText.length)), null);
      if (cond) hiddenUnless.push(cond);
    } else if (locked) {
      const body = locked[1]!;
      const colon = conditionColon(body);
      const bodyAt = line.text.length - body.length;
      if (colon < 0) {
        ctx.report(posIn(line, line.text.length), "'locked unless' needs a reason after a colon: `locked unless cash >= 100: You're broke.`");
        continue;
      }
      const cond = ctx.attempt(() => parseExpression(body.slice(0, colon), posIn(line, bodyAt)), null);
      const reasonSource = body.slice(colon + 1).trim();
      if (!reasonSource) ctx.report(posIn(line, bodyAt + colon), 'the reason after the colon is empty');
      const reasonAt = line.text.indexOf(reasonSource, bodyAt + colon + 1);
      const reason = ctx.attempt(() => parseText(reasonSource, posIn(line, reasonAt)), []);
      if (cond) lockedUnless.push({ cond, reason });
    } else {
      bodyLines.push(line);
    }
  }
  const body = parseBlock(bodyLines, ctx, { next: 0 });
  // The new fields are left off when unused, so a story that uses none parses as it did.
  return {
    id,
    label,
    cost,
    target,
    hiddenUnless,
    lockedUnless,
    body,
    pos,
    targetPos,
    ...(declared ? { declared } : {}),
    ...(flavour ? { flavour } : {}),
    ...(personas.length ? { personas } : {}),
    ...(once ? { once } : {}),
    ...(ledger ? { ledger } : {}),
  };
}

/**
 * A choice's cost: `15m`, a range `30m-2h` (the choice spends the least; the rest is the
 * story's waits and chances, which check holds to the range) or `until 21:00` (the choice
 * lasts until the next 21:00, at least a minute away). A string is the problem.
 */
export function parseCost(text: string): { cost: number; declared?: DeclaredCost } | string {
  const until = UNTIL.exec(text);
  if (until) {
    const [hours, minutes] = [Number(until[1]), Number(until[2])];
    if (hours > 23 || minutes > 59) return `'${text}' is not a time of day (write until 21:00)`;
    return { cost: 1, declared: { kind: 'until', at: hours * 60 + minutes } };
  }
  if (/^until\b/.test(text)) return `'${text}' reads \`until 21:00\` (a time of day, no weekday)`;
  const range = RANGE.exec(text);
  if (range) {
    const [min, max] = [parseDuration(range[1]!), parseDuration(range[2]!)];
    if (min === null || max === null) return `'${text}' is not a range of durations (write 30m-2h)`;
    if (!Number.isSafeInteger(max)) return `'${text}' is too long a time`;
    if (min === 0) return 'every choice must cost time: a range starts above 0m';
    if (max <= min) return `the range ${range[1]}-${range[2]} must run from less to more`;
    return { cost: min, declared: { kind: 'range', min, max } };
  }
  const parsed = parseDuration(text);
  if (parsed === null) return `'${text}' is not a duration (write 15m, 2h, 1h30m, a range 30m-2h or until 21:00)`;
  if (!Number.isSafeInteger(parsed)) return `'${text}' is too long a time`;
  if (parsed === 0) return 'every choice must cost time: the clock only moves forward';
  return { cost: parsed };
}
