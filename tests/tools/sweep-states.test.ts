import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HEAD, storyOf } from '../story/helpers.js';
import { sweepStates } from '../../src/tools/sweep-states.js';
import { fatesOf, fatesToJson } from '../../src/tools/fates.js';
import { formatFraction } from '../../src/tools/fraction.js';
import { parseStory } from '../../src/story/parse-story.js';
import { generateStory } from '../../src/tools/generate-story.js';
import type { Story } from '../../src/story/types.js';

const ENDINGS = '\n=== ending end1 "One"\nYou end here.\n\n=== ending over "Over"\nTime is up.\n';

// From a: Wait (1h) or Toss (1h: 50% to b, 50% to end1). b: Go on (2h) to end1.
const SMALL = `${HEAD}
=== a
A room.
* Wait. [1h] -> a
* Toss. [1h]
  50% -> b
  50% -> end1

=== b
Another room.
* Go on. [2h] -> end1
${ENDINGS}`;

function withChoiceField(story: Story, field: string, value: unknown): Story {
  const copy = structuredClone(story);
  for (const id of copy.sceneOrder)
    for (const choice of copy.scenes[id]!.choices) (choice as unknown as Record<string, unknown>)[field] = value;
  return copy;
}

describe('sweepStates', () => {
  it('runs compiled, and falls back to the engine for a construct it does not know', () => {
    const story = storyOf(SMALL);
    const compiled = sweepStates(story, { maxStates: 10_000, odds: true });
    expect(compiled.via).toBe('compiled');
    // A field the compiler has never heard of, in use: the engine walks instead (the engine
    // ignores this one, so the numbers are the same).
    const unknown = sweepStates(withChoiceField(story, 'sparkle', true), { maxStates: 10_000, odds: true });
    expect(unknown.via).toBe('engine');
    expect(unknown.states).toBe(compiled.states);
    expect(unknown.odds!.routes).toEqual(compiled.odds!.routes);
    // The same field left empty means the construct is not used: still compiled.
    expect(sweepStates(withChoiceField(story, 'sparkle', false), { maxStates: 10_000 }).via).toBe('compiled');
    // A construct the engine does know and the compiler does not (`once`): the engine's walk, its numbers.
    const once = sweepStates(withChoiceField(story, 'once', true), { maxStates: 10_000, odds: true });
    expect(once.via).toBe('engine');
    expect(once.complete).toBe(true);
  });

  it('stops at the state limit, or when told to, and says it is incomplete', () => {
    const story = storyOf(SMALL);
    const full = sweepStates(story, { maxStates: 10_000 });
    expect(full.complete).toBe(true);
    const cut = sweepStates(story, { maxStates: 5 });
    expect(cut.complete).toBe(false);
    expect(cut.states).toBe(5);
    const big = parseStory('g.pusher', (path) =>
      path === 'g.pusher' ? generateStory({ scenes: 3000, flags: 30, seed: 1 }) : undefined,
    ).story!;
    let asked = 0;
    const stopped = sweepStates(big, { maxStates: 1e9, stop: () => ++asked > 0 });
    expect(asked).toBeGreaterThan(0);
    expect(stopped.complete).toBe(false);
  });

  it('keeps a shortest path to every state, with the chance draws that fell', () => {
    const story = storyOf(`${HEAD}
=== a
A room.
* Wait. [1h] -> a
* Toss. [1h] #toss
  50% -> b
  50% -> a

=== b
Another room.
* Pay. [1h] -> end1 #pay
  locked unless debt > 500: Not yet.
* Leave. [1h] -> end1
${ENDINGS}`);
    const sweep = sweepStates(story, { maxStates: 10_000, paths: true });
    expect(sweep.deadEnds).toEqual([]);
    const shut = sweep.firstClosed.get('pay');
    expect(shut).toBeDefined();
    expect(sweep.pathTo(shut!)).toEqual(['toss (chance: 50% -> b)']);
  });

  it('holds only the clocks not yet swept: the widest slice, not the whole story', () => {
    const story = parseStory('g.pusher', (path) =>
      path === 'g.pusher' ? generateStory({ scenes: 3000, flags: 30, seed: 1 }) : undefined,
    ).story!;
    const sweep = sweepStates(story, { maxStates: 1e6, odds: true });
    expect(sweep.complete).toBe(true);
    expect(sweep.widest).toBeLessThan(sweep.states / 4);
  });

  it('gives exact odds on the shipped week cut short, matching the fractions worked out by the engine', () => {
    // The shipped week with its end moved to Monday night: small enough for both walks.
    const files = Object.fromEntries(
      ['main', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((name) => [
        `${name}.pusher`,
        readFileSync(`story/${name}.pusher`, 'utf8'),
      ]),
    );
    files['main.pusher'] = files['main.pusher']!.replace(/^@timeout.*$/m, '@timeout  Mon 18:00 -> end_week_out');
    const story = parseStory('main.pusher', (path) => files[path]).story!;
    const report = fatesOf(story, 1_000_000)!;
    expect(report.exact).toBe(true);
    const json = fatesToJson(report);
    expect(json.exact).toBe(true);
    expect(json.errorBound).toBe(0);
    const total = report.endings.reduce((sum, ending) => sum + ending.percent, report.stuck.percent);
    expect(total).toBeCloseTo(100, 9);
    const approximate = fatesOf(story, 1_000_000, { exact: false })!;
    expect(approximate.exact).toBe(false);
    expect(approximate.errorBound).toBeGreaterThan(0);
    expect(approximate.routes).toBe(report.routes);
    report.endings.forEach((ending, i) => {
      expect(approximate.endings[i]!.probability).toBeNull();
      expect(Math.abs(approximate.endings[i]!.percent - ending.percent)).toBeLessThanOrEqual(approximate.errorBound);
      expect(formatFraction(ending.probability!)).toMatch(/^\d+\/\d+$/);
    });
    expect(fatesToJson(approximate).endings[0]!.probability).toBeNull();
  });
});
