import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateStory } from '../../src/tools/generate-story.js';
import { parseStory } from '../../src/story/parse-story.js';
import { checkStory } from '../../src/tools/check-story.js';

const path = 'tests/fixtures/generated-150.pusher';

describe('the shipped generated story (benchmarks check it; bench/run.js times it)', () => {
  it('is exactly what the generator writes, so it can be made again', () => {
    expect(readFileSync(path, 'utf8')).toBe(generateStory({ scenes: 150, flags: 20, seed: 1 }));
  });

  it('has about 150 scenes and 20 flags, and check proves it', () => {
    const parsed = parseStory(path, (p) => (p === path ? readFileSync(p, 'utf8') : undefined));
    const story = parsed.story!;
    expect(parsed.problems).toEqual([]);
    expect(story.sceneOrder.length).toBeGreaterThanOrEqual(140);
    expect(story.varOrder.filter((name) => story.vars[name]!.type === 'bool')).toHaveLength(20);
    const { report } = checkStory(story, 100_000);
    expect(report).toMatchObject({ ok: true, proven: true });
    expect(report.endings.every((ending) => ending.reachable)).toBe(true);
  });
});
