import type { ChanceChooser } from '../engine/game-state.js';

/** One way the chance draws of a transition can fall, and the odds of it. */
export interface Outcome<T> {
  result: T;
  /** the percentage of each draw taken, in order; empty when no chance was involved */
  percents: number[];
  /** the branch index of each draw, in order */
  picks: number[];
  /** the scene each draw's branch leads to, in order */
  branches: string[];
}

/**
 * Runs `transition` once for every combination of chance outcomes it can meet. Later draws
 * may depend on earlier ones, so the combinations are walked like an odometer over the
 * draws each run actually made.
 */
export function enumerateOutcomes<T>(transition: (choose: ChanceChooser) => T): Array<Outcome<T>> {
  const outcomes: Array<Outcome<T>> = [];
  let script: number[] = [];
  for (;;) {
    const draws: Array<{ index: number; count: number; percent: number; branch: string }> = [];
    const choose: ChanceChooser = (percents, key) => {
      const index = script[draws.length] ?? 0;
      draws.push({ index, count: percents.length, percent: percents[index]!, branch: key.targets?.[index] ?? '' });
      return index;
    };
    const result = transition(choose);
    outcomes.push({
      result,
      percents: draws.map((d) => d.percent),
      picks: draws.map((d) => d.index),
      branches: draws.map((d) => d.branch),
    });
    let position = draws.length - 1;
    while (position >= 0 && draws[position]!.index === draws[position]!.count - 1) position--;
    if (position < 0) return outcomes;
    script = [...draws.slice(0, position).map((d) => d.index), draws[position]!.index + 1];
  }
}
