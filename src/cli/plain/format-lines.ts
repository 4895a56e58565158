// The gallery, the branch map and the save list as lines of text: for the plain player and
// the `endings` and `saves` commands.
import { formatDuration } from '../../story/week-time.js';
import { formatWeekTime } from '../../story/week-time.js';
import { stripControl } from '../../text/strip-control.js';
import { safeLine } from '../../text/safe-text.js';
import { wrapText } from '../../text/wrap-text.js';
import { textWidth } from '../../text/char-width.js';
import type { Decision } from '../../play/branch-map.js';
import { gallerySummary, shortDate, type Gallery } from '../../save/gallery.js';
import type { SlotRead } from '../../save/save-store.js';

/** Names from saves and the profile are cut to this on their line. */
const NAME_LENGTH = 60;

export function galleryLines(g: Gallery): string[] {
  const lines = ['Endings:'];
  for (const entry of g.entries) {
    lines.push(
      entry.title === null
        ? '  ???'
        : `  ${safeLine(entry.title, NAME_LENGTH)} (first found ${shortDate(entry.found!)})`,
    );
  }
  lines.push(gallerySummary(g));
  return lines;
}

/** Decisions numbered from 1 and their other options lettered, as `branch N L` names them. */
export function branchLines(decisions: Decision[]): string[] {
  if (decisions.length === 0) return ['No decisions yet: nothing to go back to.'];
  const lines = ['Decisions (type `branch N L` to take option L at decision N instead):'];
  for (const decision of decisions) {
    lines.push(
      `${decision.index + 1}. ${decision.clock}  ${decision.scene}: took "${stripControl(decision.taken.label)}"`,
    );
    decision.others.forEach((choice, i) => {
      const cost = `[${formatDuration(choice.cost)}]`;
      const lock = choice.available ? '' : ` (locked: ${stripControl(choice.reason ?? '')})`;
      lines.push(`     ${optionLetter(i)}) ${stripControl(choice.label)} ${cost}${lock}`);
    });
  }
  return lines;
}

export function optionLetter(i: number): string {
  return String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
}

export function slotLines(slots: SlotRead[]): string[] {
  if (slots.length === 0) return ['No saves yet.'];
  return slots.map((slot) => {
    const name = safeLine(slot.name, NAME_LENGTH);
    if (!slot.ok) return `${name}: unreadable: ${safeLine(slot.problem, 200)}`;
    const where = slot.save.ending
      ? `ended at ${safeLine(slot.save.ending, NAME_LENGTH)}`
      : `${formatWeekTime(slot.save.clock)} in ${safeLine(slot.save.scene, NAME_LENGTH)}`;
    const count = slot.save.taken.length;
    return `${name}: ${where}, ${count} choice${count === 1 ? '' : 's'}, seed ${slot.save.seed}, saved ${safeLine(slot.save.savedAt.slice(0, 16).replace('T', ' '), 16)}`;
  });
}

/**
 * `line` wrapped to `width` (null: left whole), its continuation lines hanging under the text
 * after its leading indent and number (`12) `), so a wrapped choice still reads as one.
 */
export function hangingLines(line: string, width: number | null): string[] {
  if (width === null) return [line];
  const prefix = /^ *(?:\d+\) )?/.exec(line)![0];
  const room = Math.max(1, width - prefix.length);
  const body = wrapText(line.slice(prefix.length), room);
  if (body.length === 0) return [line];
  return body.map((text, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + text);
}

/** Parts joined by `separator`, broken into lines of `width` between parts where it can. */
export function packedLines(parts: string[], separator: string, width: number | null): string[] {
  if (width === null) return [parts.join(separator)];
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const joined = line ? `${line}${separator}${part}` : part;
    if (textWidth(joined) <= width || !line) line = joined;
    else {
      lines.push(line);
      line = part;
    }
  }
  if (line) lines.push(line);
  return lines.flatMap((text) => (textWidth(text) > width ? wrapText(text, width) : [text]));
}
