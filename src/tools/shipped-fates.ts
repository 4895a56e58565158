import type { Story } from '../story/types.js';
import { sampleMargin, type ShippedFates } from '../story/shipped-fates.js';
import { storyFingerprint } from '../story/story-fingerprint.js';
import type { FateReport } from './fates.js';
import type { RandomRunsReport } from './random-runs.js';
import { endingShares } from './ending-share.js';

// The builders of the shipped fate numbers; the format and its reading are story/shipped-fates.ts.

export function exactShippedFates(story: Story, report: FateReport): ShippedFates {
  return {
    format: 1,
    story: story.id,
    fingerprint: storyFingerprint(story),
    kind: 'exact',
    shares: endingShares(report),
    states: report.states,
    routes: Object.fromEntries(report.endings.map((ending) => [ending.id, ending.routes.toString()])),
  };
}

export function sampledShippedFates(story: Story, sample: RandomRunsReport): ShippedFates {
  return {
    format: 1,
    story: story.id,
    fingerprint: storyFingerprint(story),
    kind: 'sampled',
    shares: Object.fromEntries(sample.endings.map((ending) => [ending.id, ending.share])),
    runs: sample.runs,
    seed: sample.seed,
    margins: Object.fromEntries(sample.endings.map((ending) => [ending.id, sampleMargin(ending.share, sample.runs)])),
  };
}
