import { describe, expect, it } from 'vitest';
import { parseStoryFile, defaultStoryPath } from '../../src/cli/load-story.js';
import { gameSeed, playRandomGame } from '../../src/tools/random-runs.js';
import type { Story } from '../../src/story/types.js';

// A line a player reads twice in one week is a tic, however good it was the first time
// (issue 16: "cut repetition"). Hubs re-entered, waits repeated and deadlines that come
// round again must say it once, then shorter.
const story = parseStoryFile(defaultStoryPath()).story!;

/** For each sentence of six words or more, how many of `runs` random weeks read it twice or more. */
function sentencesReadTwice(story: Story, runs: number): Map<string, number> {
  const twice = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    const read = new Map<string, number>();
    playRandomGame(story, gameSeed(1, run), undefined, (paragraphs) => {
      for (const paragraph of paragraphs)
        for (const sentence of paragraph.split(/(?<=[.!?]["”]?)\s+/))
          if (sentence.split(/\s+/).length >= 6) read.set(sentence, (read.get(sentence) ?? 0) + 1);
    });
    for (const [sentence, times] of read) if (times > 1) twice.set(sentence, (twice.get(sentence) ?? 0) + 1);
  }
  return twice;
}

describe('the shipped week, read by a random player', () => {
  it('says no sentence twice in one week, in more than 5% of 300 weeks', { timeout: 60_000 }, () => {
    const runs = 300;
    const often = [...sentencesReadTwice(story, runs)].filter(([, weeks]) => weeks > runs * 0.05);
    expect(often.map(([sentence, weeks]) => `${weeks} weeks: ${sentence}`)).toEqual([]);
  });
});
