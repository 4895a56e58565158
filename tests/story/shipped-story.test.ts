import { describe, expect, it } from 'vitest';
import { parseStoryFile, defaultStoryPath } from '../../src/cli/load-story.js';
import { checkStory } from '../../src/tools/check-story.js';
import { randomRuns } from '../../src/tools/random-runs.js';
import { parseWitnessFile } from '../../src/tools/witness-file.js';
import { readFileSync } from 'node:fs';
import { parseShippedFates } from '../../src/story/shipped-fates.js';
import { startGame } from '../../src/engine/start-game.js';
import { takeChoice } from '../../src/engine/take-choice.js';
import type { Value } from '../../src/story/types.js';
import { collectWarnings } from '../../src/tools/warnings/collect-warnings.js';
import { personaRuns } from '../../src/tools/personas.js';
import { storyMetrics } from '../../src/tools/story-metrics.js';

// The game players get. These are the promises of the story issue, checked on every change.
const parsed = parseStoryFile(defaultStoryPath());
const story = parsed.story!;
// 3,000 seeded random weeks, played once and shared by the balance tests
let balance: ReturnType<typeof randomRuns> | undefined;
const balanceRuns = () => (balance ??= randomRuns(story, 5000, 1));

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
    expect(report.endings.length).toBeGreaterThanOrEqual(14);
    expect(report.endings.every((ending) => ending.reachable)).toBe(true);
    expect(report.words).toBeGreaterThanOrEqual(45_000);
    expect(report.gates).toBeGreaterThanOrEqual(report.choices / 4);
  });

  it('keeps its own rules: no check warning on the states its proof rests on (check --strict passes)', () => {
    const file = parseWitnessFile(readFileSync(defaultStoryPath().replace(/\.pusher$/, '.witnesses'), 'utf8'));
    if (!file.ok) throw new Error(file.reason);
    const { coverage } = checkStory(story, 200_000, { witnessWalks: 0, stored: file.runs });
    const { warnings } = collectWarnings(story, { kind: 'runs', runs: file.runs, coverage });
    expect(warnings.map((warning) => `${warning.file}:${warning.line} ${warning.kind}`)).toEqual([]);
  });

  it('plays honestly for a random player: labels hold the clock, open choices differ, runs differ', { timeout: 120_000 }, () => {
    const metrics = storyMetrics(story, 300, 1);
    expect(metrics.overrunShare).toBeLessThanOrEqual(0.01);
    expect(metrics.sameResultShare).toBeLessThanOrEqual(0.05);
    // two runs share little: on average at least 35% of a run's words are in paragraphs at most a tenth of runs show
    expect(metrics.rareWordShare).toBeGreaterThanOrEqual(0.35);
  });

  it('lets intent decide: each persona ends most often at an ending of its own, in at least half its runs', { timeout: 120_000 }, () => {
    const report = personaRuns(story, 300, 1);
    expect(report.personas.length).toBeGreaterThanOrEqual(6);
    const tops = report.personas.map((persona) => {
      const sorted = [...persona.endings].sort((a, b) => b.share - a.share);
      expect(sorted[0]!.share, persona.id).toBeGreaterThanOrEqual(0.5);
      // no other ending takes half of this persona's runs
      expect(sorted[1]!.share, persona.id).toBeLessThan(0.5);
      return sorted[0]!.id;
    });
    expect(new Set(tops).size).toBe(tops.length);
  });

  it('ships with witnesses that prove it alone, with no walk and no search (else: npm run build && node bin/pusher.js check --save-witnesses)', () => {
    const file = parseWitnessFile(readFileSync(defaultStoryPath().replace(/\.pusher$/, '.witnesses'), 'utf8'));
    if (!file.ok) throw new Error(file.reason);
    const { report } = checkStory(story, 200_000, { witnessWalks: 0, stored: file.runs });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, method: 'witnesses', states: 0, walks: 0, stale: 0, replayed: file.runs.length });
    expect(report.gates).toBeGreaterThanOrEqual(report.choices / 4);
  });

  it('is balanced: in seeded random play every ending is reached by at least 0.5% of runs and none by more than 30%', { timeout: 120_000 }, () => {
    const report = balanceRuns();
    expect(report.stuck).toBe(0);
    for (const ending of report.endings) {
      expect(ending.share, ending.id).toBeGreaterThanOrEqual(0.005);
      expect(ending.share, ending.id).toBeLessThanOrEqual(0.3);
    }
  });

  it("wakes Frank on Sunday where Saturday night left him, and only offers Vic's flat where he is", () => {
    const wake = (slept: number, vicTrust = 2) => startGame(story, { seed: 1, from: 'sun_start', set: { slept_at: slept, vic_trust: vicTrust } });
    const firstLines = [0, 1, 2, 3, 4, 5, 6].map((slept) => wake(slept).paragraphs[0]);
    expect(new Set(firstLines).size).toBe(7);
    expect(firstLines[2]).toMatch(/Saxogade/);
    expect(firstLines[4]).toMatch(/Rigshospitalet/);
    // at Vic's: her front room; refused on her landing: no errand inside her flat, and no way in
    expect(wake(0).state.scene).toBe('sun_flat');
    const landing = wake(1, 0);
    expect(landing.state.scene).toBe('sun_away');
    const labels = story.scenes.sun_away!.choices.map((choice) => choice.id);
    expect(labels).not.toContain('sun_start_vic');
    expect(wake(1, 2).state.scene).toBe('sun_flat');
  });

  it("plays Milo's back room as a scene whose last choice changes the final image, and splits The Offer by belief", () => {
    const play = (set: Record<string, Value>, ids: string[]) => {
      let step = startGame(story, { seed: 1, from: 'sun_milo', set: { cash: 20000, debt: 300000, ...set } });
      const shown: string[] = [...step.paragraphs];
      for (const id of ids) {
        const next = takeChoice(story, step.state, id);
        if (!next.ok) throw new Error(next.reason);
        step = next;
        shown.push(...next.paragraphs);
      }
      return { state: step.state, last: shown[shown.length - 1]!, shown };
    };
    const car = play({ sun_believed: true }, ['sun_milo_bag', 'sun_milo_said', 'sun_milo_arms']);
    const walk = play({ sun_believed: true }, ['sun_milo_bag', 'sun_milo_said', 'sun_milo_walk']);
    const doubt = play({ sun_believed: false }, ['sun_milo_eat', 'sun_milo_coat', 'sun_milo_walk']);
    expect(car.state.ending).toBe('end_bait');
    expect(walk.state.ending).toBe('end_bait');
    expect(doubt.state.ending).toBe('end_eyes_open');
    expect(car.last).not.toBe(walk.last);
    // Milo never raises his voice; he raises the debt: the bag goes against it and the new book starts higher
    expect(car.state.vars.cash).toBe(0);
    expect(car.state.vars.debt).toBe(300000 - 20000 + 40000 + 10000);
    for (const run of [car, walk, doubt]) expect(run.shown.join('\n')).not.toMatch(/never needed to|raises his voice|There was never going to be/);
  });

  it('ends The Offer in five places: believing, doubting, Kastrup, the street, the door', { timeout: 120_000 }, () => {
    const ids = balanceRuns().endings.map((ending) => ending.id);
    expect(ids).toEqual(expect.arrayContaining(['end_bait', 'end_eyes_open', 'end_seen_off', 'end_shoulder', 'end_knock']));
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
