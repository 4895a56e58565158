import { describe, expect, it } from 'vitest';
import { parseStory } from '../../src/story/parse-story.js';
import { startGame } from '../../src/engine/start-game.js';
import { listChoices } from '../../src/engine/list-choices.js';

const story = (body: string) => {
  const text = ['@start a', '@clock Mon 10:00', '@timeout Sun 23:00 -> e', '@var debt = 0 in 0..10', '@time deadline = Wed 20:00', body, '=== ending e "E"', 'Done.'].join('\n');
  return parseStory('t.pusher', (path) => (path === 't.pusher' ? text : undefined));
};

describe('times of day inside conditions', () => {
  it('does not split a conditional text at the colon of a time', () => {
    const parsed = story(['=== a', '{if clock < Mon 14:00: Early.|Late.}', '* Go. [1h] -> e'].join('\n'));
    expect(parsed.problems).toEqual([]);
    expect(startGame(parsed.story!, { seed: 1 }).paragraphs).toEqual(['Early.']);
  });

  it('does not split a lock at the colon of a time, and keeps colons in the reason', () => {
    const parsed = story(['=== a', '* Go. [1h] -> e', '  locked unless clock > Mon 14:00: Not before 14:00: wait.'].join('\n'));
    expect(parsed.problems).toEqual([]);
    const [choice] = listChoices(parsed.story!, startGame(parsed.story!, { seed: 1 }).state);
    expect(choice).toMatchObject({ available: false, reason: 'Not before 14:00: wait.' });
  });
});
