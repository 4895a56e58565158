import type { Choice, Expr, Text } from './types.js';
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
  const costMatch = TRAILING_COST.exec(rest);
  if (costMatch) {
    const costPos = posIn(head, 1 + costMatch.index + costMatch[0].indexOf('[') + 1);
    const parsed = parseDuration(costMatch[1]!.trim());
    if (parsed === null) ctx.report(costPos, `'${costMatch[1]}' is not a duration (write 15m, 2h or 1h30m)`);
    else if (!Number.isSafeInteger(parsed)) ctx.report(costPos, `'${costMatch[1]}' is too long a time`);
    else if (parsed === 0) ctx.report(costPos, 'every choice must cost time: the clock only moves forward');
    else cost = parsed;
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
  for (const line of lines.slice(1)) {
    const hidden = HIDDEN.exec(line.text);
    const locked = LOCKED.exec(line.text);
    if (hidden) {
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
  return { id, label, cost, target, hiddenUnless, lockedUnless, body, pos, targetPos };
}
