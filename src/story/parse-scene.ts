import type { Scene } from './types.js';
import type { ParseContext } from './parse-context.js';
import { indentedBody, isBlank, isComment, posIn, type SourceLine } from './source-lines.js';
import { parseBlock } from './parse-block.js';
import { parseChoice } from './parse-choice.js';
import { editDistance } from './did-you-mean.js';

const HEADER = /^===\s*(ending\s+)?([^\s"=]+)\s*(?:"([^"]*)"|([^=]*?))?\s*(?:===)?\s*$/;
const SCENE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses one scene: its header, the statements of its body, then its choices, which
 * must come last so that no line of prose is mistaken for part of a choice.
 */
export function parseScene(lines: SourceLine[], ctx: ParseContext): Scene | null {
  const head = lines[0]!;
  const match = HEADER.exec(head.text);
  if (!match) {
    ctx.report(posIn(head), 'a scene header reads `=== scene_id` or `=== ending scene_id "Title"`');
    return null;
  }
  const [, endingWord, id, quotedTitle, bareTitle] = match;
  const idPos = posIn(head, head.text.indexOf(id!, 3));
  if (!SCENE_ID.test(id!)) {
    ctx.report(idPos, `'${id}' is not a scene id (letters, digits and _)`);
    return null;
  }
  let ending: Scene['ending'] = null;
  if (endingWord) {
    const title = (quotedTitle ?? bareTitle ?? '').trim();
    if (!title) ctx.report(idPos, 'an ending needs a title: `=== ending id "Title"`');
    ending = { title: title || id! };
  } else if (quotedTitle !== undefined || bareTitle) {
    // `=== endng over "Title"`: a misspelt `ending` reads as the scene id, the id as a title
    if (editDistance(id!, 'ending') <= 2) ctx.report(idPos, `'${id}' is not a keyword (did you mean '=== ending'?)`);
    else ctx.report(posIn(head, head.text.indexOf(id!) + id!.length + 1), 'only endings take a title (`=== ending id "Title"`)');
  }

  const bodyLines: SourceLine[] = [];
  const choices: Scene['choices'] = [];
  // The indents of the body's open `if` blocks: a `*` line indented under one is not a choice
  // of the scene but a mistake the block parser reports (choices cannot sit inside an if block).
  const openIfs: number[] = [];
  let i = 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text.startsWith('*')) {
      const owned = indentedBody(lines, i);
      if (choices.length === 0 && openIfs.length > 0 && line.indent > openIfs[openIfs.length - 1]!) bodyLines.push(line);
      else choices.push(parseChoice([line, ...owned], id!, ctx));
      i += 1 + owned.length;
      continue;
    }
    if (choices.length > 0 && !isBlank(line) && !isComment(line)) {
      ctx.report(posIn(line), 'scene text after the choices: choices come last in a scene (indent a line to make it part of the choice above)');
    } else {
      bodyLines.push(line);
      if (/^if(\s|$)/.test(line.text)) openIfs.push(line.indent);
      else if (/^end(\s|$)/.test(line.text)) openIfs.pop();
    }
    i++;
  }
  const body = parseBlock(bodyLines, ctx, { next: 0 });
  return { id: id!, ending, body, choices, pos: idPos };
}
