// A small run of bench/robustness/fuzz-stories.js: mutated and fuzzed story files through the
// parser and the checker; no crash, no input over a second, only positioned problems.
import { describe, expect, it } from 'vitest';
import { fuzzStories } from '../../bench/robustness/fuzz-core.js';

describe('fuzzed story files (small run; the long one is bench/robustness/fuzz-stories.js)', () => {
  it('parses and checks 150 mutated stories without a crash, a hang or an unpositioned problem', () => {
    const summary = fuzzStories({ root: process.cwd(), count: 150, seed: 7 });
    expect(summary.failures.map((f) => `#${f.index} (${f.base}): ${f.why}`)).toEqual([]);
    expect(summary.count).toBe(150);
    expect(summary.withProblems).toBeGreaterThan(0);
    expect(summary.stories).toBeGreaterThan(0);
  }, 60_000);
});
