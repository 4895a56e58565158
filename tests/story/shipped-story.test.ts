import { describe, expect, it } from 'vitest';
import { parseStoryFile, defaultStoryPath } from '../../src/cli/load-story.js';
import { checkStory } from '../../src/tools/check-story.js';
import { randomRuns } from '../../src/tools/random-runs.js';
import { parseWitnessFile } from '../../src/tools/witness-file.js';
import { readFileSync } from 'node:fs';
import { parseShippedFates } from '../../src/tools/shipped-fates.js';

// The game players get. These are the promises of the story issue, checked on every change.
const parsed = parseStoryFile(defaultStoryPath());
const story = parsed.story!;

describe('the shipped story', () => {
  it('parses and validates with no problem, and opens with a content note', () => {
    expect(parsed.problems).toEqual([]);
    expect(story.note).toMatch(/drug.*violence.*torture.*suicide/i);
  });

  it('is proved by check (every path ends, every scene, ending and choice reachable), at full size', { timeout: 240_000 }, () => {
    const { report } = checkStory(story, 200_000, { witnessWalks: 20_000, seed: 1 });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.scenes).toBeGreaterThanOrEqual(120);
    expect(report.choices).toBeGreaterThanOrEqual(300);
    expect(report.endings.length).toBeGreaterThanOrEqual(8);
    expect(report.endings.every((ending) => ending.reachable)).toBe(true);
    expect(report.words).toBeGreaterThanOrEqual(20_000);
    expect(report.gates).toBeGreaterThanOrEqual(report.choices / 4);
  });

  it('ships with witnesses that prove it alone, with no walk and no search (else: npm run build && node bin/pusher.js check --save-witnesses)', () => {
    const file = parseWitnessFile(readFileSync(defaultStoryPath().replace(/\.pusher$/, '.witnesses'), 'utf8'));
    if (!file.ok) throw new Error(file.reason);
    const { report } = checkStory(story, 200_000, { witnessWalks: 0, stored: file.runs });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, method: 'witnesses', states: 0, walks: 0, stale: 0, replayed: file.runs.length });
    expect(report.gates).toBeGreaterThanOrEqual(report.choices / 4);
  });

  it('is balanced: in seeded random play every ending is reached by at least 0.5% of runs and none by half', { timeout: 120_000 }, () => {
    const report = randomRuns(story, 3000, 1);
    expect(report.stuck).toBe(0);
    for (const ending of report.endings) {
      expect(ending.share, ending.id).toBeGreaterThanOrEqual(0.005);
      expect(ending.share, ending.id).toBeLessThan(0.5);
    }
  });

  it('has days: one file per day besides the main file', () => {
    const files = Object.keys(parsed.sources).map((path) => path.split('/').pop());
    expect(files).toEqual(expect.arrayContaining(['main.pusher', 'monday.pusher', 'tuesday.pusher', 'wednesday.pusher', 'thursday.pusher', 'friday.pusher', 'saturday.pusher', 'sunday.pusher']));
  });
});

describe('the fate numbers shipped beside the story', () => {
  it('belong to the story as it stands (else: npm run build && node bin/pusher.js check --save-fates --random 100000)', () => {
    const fates = parseShippedFates(readFileSync('story/main.fates', 'utf8'), story);
    expect(fates, 'story/main.fates is stale or missing').not.toBeNull();
    for (const id of story.sceneOrder.filter((scene) => story.scenes[scene]!.ending))
      expect(fates!.shares[id], `no share for ${id}`).toBeTypeOf('number');
    const total = Object.values(fates!.shares).reduce((sum, share) => sum + share, 0);
    expect(total).toBeGreaterThan(0.99);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
  });
});
