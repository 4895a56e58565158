// Widths and heights, so the live part of the screen fits the terminal. Ink redraws the whole
// screen (history included) once the live frame is as tall as the terminal, which flickers
// and slows long games; the App keeps the live frame below that by moving prose to history.
import type { ChoiceView } from '../engine/index.js';
import { formatChoiceCost } from '../present/format-choice-cost.js';
import { wrapText } from '../text/wrap-text.js';

/** Prose reads best at a book's measure; wider terminals get margin, not longer lines. */
export const MAX_WIDTH = 80;
/** Room the debug panel needs to sit beside the scene rather than below it. */
export const DEBUG_PANEL_WIDTH = 32;

export interface Layout {
  /** the column the game is drawn in */
  width: number;
  /** bars go on lines of their own */
  narrow: boolean;
  /** below 40 columns: no borders, short hints */
  tiny: boolean;
}

export function layoutFor(columns: number): Layout {
  const width = Math.max(1, Math.min(columns, MAX_WIDTH));
  return { width, narrow: columns < 60, tiny: columns < 40 };
}

/** Choice rows indent this much: the marker and the number. */
export const CHOICE_INDENT = 5;

export function choiceLabelWidth(layout: Layout): number {
  return Math.max(1, layout.width - CHOICE_INDENT);
}

/** A choice's cost as shown beside it: `(30 m)`, `(30 m–2 h)`, `(until 21:00)`. */
export function choiceCost(choice: ChoiceView): string {
  return `(${formatChoiceCost(choice)})`;
}

// Stands in for the space inside a cost while wrapping, so `(30 m)` never breaks in two.
const GLUE = '\uE000';

/**
 * A choice row's lines after its number: label, cost and, when locked, why; wrapped here
 * rather than by Ink, whose wrapping keeps the space at the start of the next line.
 */
export function choiceLines(choice: ChoiceView, width: number): string[] {
  const cost = choiceCost(choice).replace(/ /g, GLUE);
  const text = choice.available ? `${choice.label} ${cost}` : `${choice.label} ${cost} locked: ${choice.reason ?? ''}`;
  return wrapText(text, width).map((line) => line.replace(new RegExp(GLUE, 'g'), ' '));
}

export function proseHeight(paragraphs: string[], width: number): number {
  if (paragraphs.length === 0) return 0;
  return paragraphs.reduce((sum, text) => sum + Math.max(1, wrapText(text, width).length) + 1, 0);
}

export function metersHeight(layout: Layout, statusCount: number): number {
  const border = layout.tiny ? 0 : 2;
  const bars = layout.narrow ? 4 : 2;
  return border + 1 + bars + (statusCount ? 1 : 0);
}

export function choicesHeight(choices: ChoiceView[], layout: Layout): number {
  return choices.reduce((sum, choice) => sum + choiceLines(choice, choiceLabelWidth(layout)).length, 0);
}

/** True when the live frame (prose, meters, choices and hint) fits in `rows` without touching the top. */
export function fitsLive(
  rows: number,
  parts: { prose: number; meters: number; choices: number; extra: number },
): boolean {
  if (!Number.isFinite(rows)) return true;
  return parts.prose + parts.meters + parts.choices + parts.extra < rows;
}

/**
 * How the debug panel lays out `entries` in `width` columns within `maxHeight` lines (border and
 * title included): the cell width, how many entries fit, and the lines it takes.
 */
export function debugGrid(
  entries: string[],
  width: number,
  maxHeight: number,
): { cell: number; shown: number; height: number } {
  const inner = Math.max(1, width - 4);
  const longest = entries.reduce((max, entry) => Math.max(max, entry.length), 1);
  const cell = Math.min(inner, Math.min(longest, 28) + 2);
  const perLine = Math.max(1, Math.floor(inner / cell));
  const room = Number.isFinite(maxHeight) ? Math.max(1, maxHeight - 4) : Number.POSITIVE_INFINITY;
  const lines = Math.min(Math.ceil(entries.length / perLine), room);
  const shown = Math.min(entries.length, lines * perLine);
  return { cell, shown, height: lines + 3 + (shown < entries.length ? 1 : 0) };
}

/** The rows a scrolling overlay (branch map, endings, saves) wants at least beside the meters. */
export const MIN_OVERLAY_ROWS = 8;

/**
 * The rows an overlay (help, branch map, endings, saves) may take beside the meters and the
 * message, one row always left free so the frame never reaches the top of the terminal, where
 * its first lines would scroll away. When fewer than `need` rows are left beside the meters,
 * the meters give up their place: the overlay's top line and the message stay in view.
 */
export function overlayRoom(
  rows: number,
  parts: { meters: number; message: number; need: number },
): { rows: number; meters: boolean } {
  const total = Number.isFinite(rows) ? rows : 40;
  const beside = total - 1 - parts.message - parts.meters;
  if (beside >= parts.need) return { rows: beside, meters: true };
  return { rows: Math.max(4, total - 1 - parts.message), meters: false };
}
