import type { Problem } from './problem.js';
import { problemAt } from './problem.js';
import type { SourcePos } from './types.js';
import { ExpressionError } from './expression/parse-expression.js';

/** Collects problems while parsing, so one run reports every problem in the story. */
export class ParseContext {
  readonly problems: Problem[] = [];

  report(pos: SourcePos, message: string): void {
    this.problems.push(problemAt(pos, message));
  }

  /** Runs a parse step; an expression error becomes a positioned problem and `fallback` is returned. */
  attempt<T>(step: () => T, fallback: T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof ExpressionError) {
        this.report(error.pos, error.message);
        return fallback;
      }
      throw error;
    }
  }
}
