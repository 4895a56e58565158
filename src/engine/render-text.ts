import type { Text, ValueType } from '../story/types.js';
import type { Scope } from '../story/expression/evaluate-expression.js';
import { evaluate } from '../story/expression/evaluate-expression.js';
import { typeOf } from '../story/expression/check-expression.js';
import { formatValue } from '../story/format-value.js';
import { stripControl } from '../text/strip-control.js';

/** The type a value reads as; names of time variables read as week times. */
export type TypeOfName = (name: string) => ValueType | undefined;

function renderParts(text: Text, scope: Scope, typeOfName: TypeOfName): string {
  let out = '';
  for (const part of text) {
    if (part.kind === 'lit') out += part.text;
    else if (part.kind === 'cond')
      out += renderParts(evaluate(part.cond, scope) ? part.then : part.else, scope, typeOfName);
    else {
      const value = evaluate(part.expr, scope);
      const type = typeOf(part.expr, typeOfName, []) ?? 'int';
      out += formatValue(value, type);
    }
  }
  return out;
}

/** Interpolates a text and makes it safe for a terminal. */
export function renderText(text: Text, scope: Scope, typeOfName: TypeOfName): string {
  return stripControl(renderParts(text, scope, typeOfName))
    .replace(/\s+/g, ' ')
    .trim();
}
