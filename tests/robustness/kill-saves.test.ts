// A small run of bench/robustness/kill-saves.js: SIGKILLs while the game autosaves, every
// save and the profile still readable after each.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { killWhileSaving } from '../../bench/robustness/kill-core.js';

describe('SIGKILL during autosave (small run; the long one is bench/robustness/kill-saves.js)', () => {
  beforeAll(() => {
    if (!existsSync('dist/pusher.cjs')) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it('leaves every file readable after 12 kills, some placed before the rename', async () => {
    const result = await killWhileSaving({ root: process.cwd(), count: 12, seed: 5 });
    expect(result.failures).toEqual([]);
    expect(result.placed).toBe(3);
    expect(result.autosaves).toBeGreaterThan(0);
  }, 60_000);
});
