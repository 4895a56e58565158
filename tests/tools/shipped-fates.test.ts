import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { storyOf } from '../story/helpers.js';
import { fatesOf } from '../../src/tools/fates.js';
import { randomRuns } from '../../src/tools/random-runs.js';
import { exactShippedFates, sampledShippedFates } from '../../src/tools/shipped-fates.js';
import { parseShippedFates, sampleMargin } from '../../src/story/shipped-fates.js';
import { shippedEndingLine } from '../../src/present/ending-share-line.js';

const TINY = readFileSync('tests/fixtures/tiny.pusher', 'utf8');

describe('shipped fates', () => {
  const story = storyOf(TINY, 'tiny.pusher');

  it('exact numbers read back as the exact line', () => {
    const fates = exactShippedFates(story, fatesOf(story, 100_000)!);
    const back = parseShippedFates(JSON.stringify(fates), story)!;
    expect(back.kind).toBe('exact');
    expect(shippedEndingLine(back, 'out_of_time')).toMatch(/^\d+% of the ways this week can go end here$/);
  });

  it('a sample reads back worded as a sample, with its margin', () => {
    const fates = sampledShippedFates(story, randomRuns(story, 400, 1));
    expect(fates.runs).toBe(400);
    const back = parseShippedFates(JSON.stringify(fates), story)!;
    const share = back.shares['out_of_time']!;
    expect(shippedEndingLine(back, 'out_of_time')).toBe(
      `about ${Math.round(share * 100)}% of random weeks end here, ± ${Math.ceil(sampleMargin(share, 400) * 1000) / 10}%`,
    );
  });

  it('is never trusted for another story, or when malformed', () => {
    const fates = exactShippedFates(story, fatesOf(story, 100_000)!);
    const edited = storyOf(TINY.replace('Night Falls', 'Nightfall'), 'tiny.pusher');
    expect(parseShippedFates(JSON.stringify(fates), edited)).toBeNull();
    expect(parseShippedFates('{', story)).toBeNull();
    expect(parseShippedFates(JSON.stringify({ ...fates, shares: { beaten: 2 } }), story)).toBeNull();
    expect(parseShippedFates(JSON.stringify({ ...fates, kind: 'sampled' }), story)).toBeNull();
  });

  it('gives 95% margins: 1.96 standard errors, or the rule of three at 0', () => {
    expect(sampleMargin(0.5, 10_000)).toBeCloseTo(0.0098, 6);
    expect(sampleMargin(0, 1000)).toBe(0.003);
  });
});
