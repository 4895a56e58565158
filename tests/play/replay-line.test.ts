// The ending's replay command must give back the very run it was printed for: same seed,
// same start, the printed numbers played as --choices reach the same state and ending.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { listChoices } from '../../src/engine/index.js';
import type { Story } from '../../src/story/types.js';
import { chooseOpen, openSession, playScripted, runOf, undoSession, type Session } from '../../src/play/session.js';
import { choiceNumbers, replayArgs, replayCommand, replayCommandLines, shellWord } from '../../src/play/replay-line.js';
import { storyFrom, TINY_SOURCE } from '../save/helpers.js';

const stories: Array<[string, Story]> = [
  ['tiny', storyFrom(TINY_SOURCE)],
  ['generated-150', storyFrom(readFileSync('tests/fixtures/generated-150.pusher', 'utf8'))],
];

/** Plays `picks` (each taken modulo the open choices), undoing where a pick is 0 and there is something to undo. */
function play(story: Story, seed: number, picks: number[]): Session {
  let session = openSession(story, { seed });
  for (const pick of picks) {
    if (session.step.state.ending) break;
    if (pick === 0 && session.step.state.taken.length) {
      const back = undoSession(session);
      if (typeof back !== 'string') session = back;
      continue;
    }
    const open = listChoices(story, session.step.state).filter((c) => c.available);
    if (!open.length) break;
    const next = chooseOpen(session, pick % open.length);
    if (typeof next === 'string') throw new Error(next);
    session = next;
  }
  return session;
}

describe('the replay command', () => {
  for (const [name, story] of stories) {
    it(`${name}: --seed and the printed --choices replay the run exactly (undos included)`, () => {
      fc.assert(
        fc.property(fc.nat(2 ** 31 - 1), fc.array(fc.nat(6), { maxLength: 60 }), (seed, picks) => {
          const played = play(story, seed, picks);
          const numbers = choiceNumbers(story, runOf(played));
          expect(numbers.every((n) => n >= 1)).toBe(true);
          const again = playScripted(openSession(story, { seed }), numbers);
          expect(again.step.state).toEqual(played.step.state);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('names the seed, an author start, the story file and the choices, quoted for a shell', () => {
    const story = stories[0]![1];
    const run = { start: { seed: 7, from: 'mother', set: { cash: 500, called_mother: true } }, taken: ['mother.0'] };
    const open = listChoices(story, openSession(story, run.start).step.state).filter((c) => c.available);
    run.taken = [open[0]!.id];
    expect(replayArgs(story, run, 'my story.pusher')).toEqual([
      'my story.pusher',
      '--seed',
      '7',
      '--from',
      'mother',
      '--set',
      'cash=500',
      '--set',
      'called_mother=true',
      '--choices',
      '1',
    ]);
    expect(replayCommand(story, run, 'my story.pusher')).toBe(
      "pusher play 'my story.pusher' --seed 7 --from mother --set cash=500 --set called_mother=true --choices 1",
    );
    expect(replayCommand(story, { start: { seed: 3 }, taken: [] })).toBe('pusher play --seed 3');
  });

  it('quotes a word a shell would split or expand, and leaves plain ones bare', () => {
    expect(shellWord('tests/fixtures/tiny.pusher')).toBe('tests/fixtures/tiny.pusher');
    expect(shellWord("Frank's week")).toBe(`'Frank'\\''s week'`);
    expect(shellWord('$HOME')).toBe("'$HOME'");
  });

  it('cuts a long command to a width with shell continuations; the pieces add up to the same command', () => {
    const story = stories[1]![1];
    fc.assert(
      fc.property(
        fc.nat(2 ** 31 - 1),
        fc.array(fc.nat(6), { maxLength: 80 }),
        fc.integer({ min: 40, max: 120 }),
        (seed, picks, width) => {
          const run = runOf(play(story, seed, picks));
          const lines = replayCommandLines(story, run, width, 'tests/fixtures/generated-150.pusher');
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
          lines.slice(0, -1).forEach((line) => expect(line.endsWith(' \\')).toBe(true));
          lines.slice(1).forEach((line) => expect(line.startsWith('  ')).toBe(true));
          const words = lines
            .map((line) => line.replace(/ \\$/, '').trim())
            .join(' ')
            .split(' ');
          // --choices lists repeat and add up, as the option reads them
          const choices = words.flatMap((word, i) => (words[i - 1] === '--choices' ? word.split(',') : []));
          expect(choices.map(Number)).toEqual(choiceNumbers(story, run));
          expect(words.filter((word, i) => word !== '--choices' && words[i - 1] !== '--choices').join(' ')).toBe(
            `pusher play tests/fixtures/generated-150.pusher --seed ${seed}`,
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
