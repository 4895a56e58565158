import type { Problem } from './problem.js';
import { problemAt } from './problem.js';
import type { SourcePos } from './types.js';
import { ExpressionError } from './expression/parse-expression.js';

/** Collects problems while parsing, so one run reports every problem in the story. */
export class ParseContext {
  readonly problems: Problem[] = [];
  /** problems that leave the story playable (a scene nothing leads to, odds off 100%) */
  private soft = 0;

  report(pos: SourcePos, message: string): void {
    this.problems.push(problemAt(pos, message));
  }

  /** Reports a problem after which the story can still be played and explored. */
  reportSoft(pos: SourcePos, message: string): void {
    this.soft++;
    this.report(pos, message);
  }

  /** True when every problem so far leaves the story playable. */
  get playable(): boolean {
    return this.problems.length === this.soft;
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
