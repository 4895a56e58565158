// A small run of bench/robustness/random-keys.js: random keys into the Ink app, no crash.
import { describe, expect, it } from 'vitest';
import { randomKeys } from '../../bench/robustness/keys-core.js';

describe('random keystrokes into the Ink app (small run; the long one is bench/robustness/random-keys.js)', () => {
  it('survives 300 random keys on the shipped story', async () => {
    const result = await randomKeys({ root: process.cwd(), count: 300, seed: 11 });
    expect(result.failures).toEqual([]);
    expect(result.keys).toBe(300);
  }, 60_000);
});
