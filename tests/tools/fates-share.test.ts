import { describe, expect, it } from 'vitest';
import { endingShare, endingShares } from '../../src/tools/ending-share.js';
import { formatEndingShare } from '../../src/present/ending-share-line.js';
import { storyFingerprint } from '../../src/story/story-fingerprint.js';

const report = {
  routes: 8n,
  endings: [
    { id: 'end1', routes: 5n },
    { id: 'end2', routes: 3n },
    { id: 'over', routes: 0n },
  ],
} as const;

describe('endingShare', () => {
  it('is the ending’s share of all routes', () => {
    expect(endingShare(report as never, 'end1')).toBe(0.625);
    expect(endingShare(report as never, 'over')).toBe(0);
    expect(endingShare(report as never, 'nowhere')).toBeNull();
    expect(endingShares(report as never)).toEqual({ end1: 0.625, end2: 0.375, over: 0 });
  });

  it('stays accurate with route counts far past 2^53', () => {
    const huge = { routes: 3n * 4n ** 120n, endings: [{ id: 'a', routes: 4n ** 120n }] };
    expect(endingShare(huge as never, 'a')).toBeCloseTo(1 / 3, 6);
  });
});

describe('formatEndingShare', () => {
  it('reads in whole percents and never rounds a real chance to 0% or 100%', () => {
    expect(formatEndingShare(0.625)).toBe('63% of the ways this week can go end here');
    expect(formatEndingShare(0.004)).toBe('under 1% of the ways this week can go end here');
    expect(formatEndingShare(0.996)).toBe('over 99% of the ways this week can go end here');
    expect(formatEndingShare(1)).toBe('100% of the ways this week can go end here');
    expect(formatEndingShare(0)).toBe('0% of the ways this week can go end here');
  });
});

describe('storyFingerprint', () => {
  const story = { sources: { '/home/a/story/main.pusher': 'main', '/home/a/story/days/mon.pusher': 'mon' } };

  it('does not depend on where the story is installed', () => {
    const moved = { sources: { 'elsewhere/story/main.pusher': 'main', 'elsewhere/story/days/mon.pusher': 'mon' } };
    expect(storyFingerprint(moved)).toBe(storyFingerprint(story));
    expect(storyFingerprint(story)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes with any edit, file name or file boundary', () => {
    const base = storyFingerprint(story);
    expect(storyFingerprint({ sources: { ...story.sources, '/home/a/story/days/mon.pusher': 'mon!' } })).not.toBe(base);
    expect(
      storyFingerprint({ sources: { '/home/a/story/main.pusher': 'main', '/home/a/story/days/tue.pusher': 'mon' } }),
    ).not.toBe(base);
    expect(storyFingerprint({ sources: { 'x/a.pusher': 'ab', 'x/b.pusher': 'c' } })).not.toBe(
      storyFingerprint({ sources: { 'x/a.pusher': 'a', 'x/b.pusher': 'bc' } }),
    );
  });
});
