// The three figures issue 16 holds the week to, on stories small enough to work out by hand.
import { describe, expect, it } from 'vitest';
import { storyMetrics } from '../../src/tools/story-metrics.js';
import { HEAD, storyOf } from '../story/helpers.js';

describe('story metrics over seeded random runs', () => {
  it('counts a step that waits past its label, and a choice point whose two choices are the same', () => {
    // One choice point, every run: 'slow' says 10m and takes 2h10m; 'left' and 'right' are alike.
    const story = storyOf(`${HEAD}=== a
* Go slow. [10m] -> slow #slow
* Go left. [10m] -> end #left
* Go right. [10m] -> end #right
=== slow
~ wait 2h
-> end
=== end
The end of the road.
* Stop. [5m] -> over #stop
=== ending over "Over"
`);
    const metrics = storyMetrics(story, 60);
    expect(metrics.runs).toBe(60);
    expect(metrics.steps).toBe(120); // two choices a run
    expect(metrics.choicePoints).toBe(120);
    // every run meets 'a' (alike choices there) and 'end' (one choice: nothing alike)
    expect(metrics.sameResultShare).toBe(0.5);
    // about a third of the runs go slow, and only that first step overruns
    expect(metrics.overrunShare).toBeGreaterThan(0.1);
    expect(metrics.overrunShare).toBeLessThan(0.25);
  });

  it('measures the share of a run spent in text few runs see', () => {
    // Ten doors, each with its own long room; the corridor is shared by every run.
    const doors = Array.from({ length: 10 }, (_, i) => `* Door ${i}. [10m] -> room${i} #door${i}`).join('\n');
    const rooms = Array.from(
      { length: 10 },
      (_, i) => `=== room${i}\nRoom ${i} has ${'words '.repeat(9)}of its own.\n* Leave. [5m] -> over #leave${i}`,
    ).join('\n');
    const story = storyOf(
      `${HEAD}=== a\nA corridor of ten words, all of them seen by everyone.\n${doors}\n${rooms}\n=== ending over "Over"\n`,
    );
    const metrics = storyMetrics(story, 200);
    // each room is seen by about a tenth of the runs: some sit under the 10% line, some just over
    expect(metrics.rareWordShare).toBeGreaterThan(0);
    expect(metrics.rareWordShare).toBeLessThan(0.6);
    const common = storyMetrics(
      storyOf(`${HEAD}=== a\nA corridor.\n* Leave. [5m] -> over\n=== ending over "Over"\n`),
      50,
    );
    expect(common.rareWordShare).toBe(0);
    expect(common.overrunShare).toBe(0);
    expect(common.sameResultShare).toBe(0);
  });
});
