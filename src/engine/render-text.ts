import type { Text, TextPart, ValueType } from '../story/types.js';
import type { Scope } from '../story/expression/evaluate-expression.js';
import { evaluate } from '../story/expression/evaluate-expression.js';
import { typeOf } from '../story/expression/check-expression.js';
import { formatValue } from '../story/format-value.js';
import { stripControl } from '../text/strip-control.js';
import { indexDraw } from './seeded-draw.js';

/** The type a value reads as; names of time variables read as week times. */
export type TypeOfName = (name: string) => ValueType | undefined;

/**
 * Where varied text is shown: its scene (or choice, or event) and how many times that scene
 * has been entered. Which item of a sequence or cycle shows follows the visit; a shuffle
 * draws from the seed, keyed like a chance draw. Nothing of it is state.
 */
export interface TextSite {
  seed: number;
  container: string;
  visit: number;
}

/** The item of a varied text shown at a visit (1 = the first), or null for none. */
export function varyIndex(part: Extract<TextPart, { kind: 'vary' }>, site: TextSite): number | null {
  const n = part.items.length;
  const turn = Math.max(0, site.visit - 1);
  switch (part.mode) {
    case 'sequence':
      return Math.min(turn, n - 1);
    case 'cycle':
      return turn % n;
    case 'once':
      return turn < n ? turn : null;
    case 'shuffle':
      return indexDraw(n, site.seed, site.container, site.visit, 'text', part.key);
  }
}

function renderParts(text: Text, scope: Scope, typeOfName: TypeOfName, site: TextSite | null): string {
  let out = '';
  for (const part of text) {
    if (part.kind === 'lit') out += part.text;
    else if (part.kind === 'cond')
      out += renderParts(evaluate(part.cond, scope) ? part.then : part.else, scope, typeOfName, site);
    else if (part.kind === 'vary') {
      const index = varyIndex(part, site ?? { seed: 0, container: '', visit: 1 });
      if (index !== null) out += renderParts(part.items[index]!, scope, typeOfName, site);
    } else {
      const value = evaluate(part.expr, scope);
      const type = typeOf(part.expr, typeOfName, []) ?? 'int';
      out += formatValue(value, type);
    }
  }
  return out;
}

/** Interpolates a text and makes it safe for a terminal. */
export function renderText(text: Text, scope: Scope, typeOfName: TypeOfName, site: TextSite | null = null): string {
  return stripControl(renderParts(text, scope, typeOfName, site))
    .replace(/\s+/g, ' ')
    .trim();
}
