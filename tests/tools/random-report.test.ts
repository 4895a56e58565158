import { describe, expect, it } from 'vitest';
import { HEAD, storyOf } from '../story/helpers.js';
import { randomRuns } from '../../src/tools/random-runs.js';
import { formatRandomReport } from '../../src/cli/check-command.js';
import { progressBar } from '../../src/cli/progress-bar.js';

// A route is one choice (Sleep, ending on Tuesday) or two (Borrow, then Run or Stay, on Monday).
const STORY = storyOf(`${HEAD.replace('Mon 20:00', 'Wed 20:00')}
=== a
* Borrow. [1h] -> b
  ~ debt += 100
* Sleep on it. [1d] -> end1
* Pay it all. [1h] -> end2
  locked unless debt == 0: You cannot.

=== b
* Run. [1h] -> end1
* Stay. [1h] -> end2
  ~ debt -= 50

=== ending end1 "One"
One.

=== ending end2 "Two"
Two.

=== ending over "Over"
Over.
`);

describe('randomRuns report', () => {
  const report = randomRuns(STORY, 2000, 11);

  it('is the same report for the same seed, to the last number', () => {
    expect(randomRuns(STORY, 2000, 11)).toEqual(report);
  });

  it('gives the share of runs per ending', () => {
    const shares = Object.fromEntries(report.endings.map((e) => [e.id, e.share]));
    // Pay is locked, so a random player Sleeps (One) or Borrows and then Runs (One) or Stays (Two):
    // One is 3/4 exactly; 2,000 runs land within 4 standard errors (about 0.04) of it.
    expect(shares['end1']! + shares['end2']!).toBe(1);
    expect(Math.abs(shares['end1']! - 0.75)).toBeLessThan(0.04);
    expect(shares['over']).toBe(0);
    expect(report.endings.reduce((sum, e) => sum + e.runs, 0)).toBe(2000);
  });

  it('lists what random play never reached: scenes and choices', () => {
    expect(report.scenesNeverReached).toEqual(['over']);
    expect(report.choicesNeverTaken).toEqual(['a.pay_it_all']);
  });

  it('summarises lengths in choices and days, and the final debt', () => {
    expect(report.length.choices).toEqual({ min: 1, median: expect.any(Number), max: 2 });
    expect(report.length.days).toEqual({ min: 1, median: 1, max: 2 });
    expect(report.debt).toEqual({ min: 100, max: 200 });
  });

  it('reads as a table', () => {
    const text = formatRandomReport(report, { name: 'debt', label: 'Debt', unit: 'kr' });
    expect(text.split('\n')[0]).toBe('2,000 random runs, seed 11:');
    expect(text).toMatch(/^\s+\d+\.\d% {2}One\s+\(end1, [\d,]+ runs\)$/m);
    expect(text).toContain('length: 1/');
    expect(text).toContain('final debt: 100 to 200 kr');
    expect(text).toContain('scenes never reached (1): over');
    expect(text).toContain('choices never taken (1): a.pay_it_all');
  });

  it('reports progress after every run', () => {
    const seen: number[] = [];
    randomRuns(STORY, 5, 1, (done) => seen.push(done));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('progressBar', () => {
  const fakeStream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream, writes };
  };

  it('draws nothing when the stream is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    const bar = progressBar(stream, 100, 'runs');
    for (let i = 1; i <= 100; i++) bar.tick(i);
    bar.done();
    expect(writes).toEqual([]);
  });

  it('redraws once per percent on a terminal, then clears its line', () => {
    const { stream, writes } = fakeStream(true);
    const bar = progressBar(stream, 1000, 'runs');
    for (let i = 1; i <= 1000; i++) bar.tick(i);
    bar.done();
    expect(writes.length).toBe(101 + 1);
    expect(writes[writes.length - 2]).toBe(`\rruns [${'#'.repeat(30)}] 100%`);
    expect(writes[writes.length - 1]).toMatch(/^\r +\r$/);
  });
});
