import { describe, expect, it } from 'vitest';
import { sweepBudget } from '../../src/cli/sweep-budget.js';
import { fatesOf } from '../../src/tools/fates.js';
import { parseStory } from '../../src/story/parse-story.js';
import { generateStory } from '../../src/tools/generate-story.js';

const story = parseStory('g.pusher', (path) =>
  path === 'g.pusher' ? generateStory({ scenes: 3000, flags: 30, seed: 1 }) : undefined,
).story!;

describe('sweepBudget', () => {
  it('stops a sweep past its CPU time, and says why', () => {
    const budget = sweepBudget({ cpuSeconds: 0 });
    expect(fatesOf(story, 1e9, { stop: budget.stop })).toBeNull();
    expect(budget.reason()).toBe('past 0 s of CPU time');
  });

  it('stops a sweep past its memory, and says why', () => {
    const budget = sweepBudget({ bytes: 1024 ** 2 });
    expect(fatesOf(story, 1e9, { stop: budget.stop })).toBeNull();
    expect(budget.reason()).toBe('past 1 MB of memory');
  });

  it('lets a sweep within budget finish', () => {
    const budget = sweepBudget({ cpuSeconds: 600 });
    expect(fatesOf(story, 1e9, { stop: budget.stop })).not.toBeNull();
    expect(budget.reason()).toBeNull();
  });
});
