// Types for fuzz-core.js (plain JavaScript), so tests/robustness type-checks.
export interface FuzzSummary {
  count: number;
  stories: number;
  withProblems: number;
  checked: number;
  checkProblems: number;
  slowestMs: number;
  slowest: { index: number; base: string } | null;
  failures: Array<{ index: number; seed: number; base: string; why: string; text: string }>;
}
export function random(seed: number): { next(): number; int(n: number): number; pick<T>(list: readonly T[]): T };
export function fuzzStories(options: {
  root: string;
  count: number;
  /** the first input's index (to replay one input: its index and count 1) */
  from?: number;
  seed?: number;
  limitMs?: number;
  maxStates?: number;
  walks?: number;
  onProgress?: ((summary: FuzzSummary) => void) | null;
}): FuzzSummary;
