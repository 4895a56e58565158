import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startGame } from '../../src/engine/start-game.js';
import { takeChoice } from '../../src/engine/take-choice.js';
import { listChoices } from '../../src/engine/list-choices.js';
import { choiceOutcomes, realCostOf, withRealCosts } from '../../src/tools/real-cost.js';
import { formatChoiceCost } from '../../src/present/format-choice-cost.js';
import { HEAD, storyOf } from '../story/helpers.js';

// Mon 08:00, deadline Mon 12:00, the week ends Mon 20:00.
const story = storyOf(`${HEAD}@on deadline
  -> late
=== a
* Quick. [10m] -> a #quick
* Errand. [10m] -> errand #errand
* Gamble. [30m] #gamble
  50% -> a
  50% -> slow
* Nap. [30m] -> nap #nap
* Long. [5h] -> a #long
=== errand
~ wait 2h50m
* Back. [10m] -> a
=== slow
~ wait 1h30m
-> a
=== nap
~ wait until Mon 11:00
-> a
=== late
Too late.
* Go. [1h] -> over
=== ending over "Over"
`);
const start = startGame(story, { seed: 1 }).state;
const costOf = (id: string, state = start) => realCostOf(story, state, choiceOutcomes(story, state, id))!;
const shown = (id: string, state = start) =>
  formatChoiceCost(withRealCosts(story, state, listChoices(story, state)).find((choice) => choice.id === id)!);

describe('the real cost of a choice', () => {
  it('is the written cost when nothing else passes time', () => {
    expect(costOf('quick')).toMatchObject({ min: 10, max: 10, until: null, deadline: 'never' });
    expect(shown('quick')).toBe('10 m');
  });

  it('counts the waits of the scenes it leads through', () => {
    expect(costOf('errand')).toMatchObject({ min: 180, max: 180 });
    expect(shown('errand')).toBe('3 h');
  });

  it('is a range over the chance outcomes', () => {
    expect(costOf('gamble')).toMatchObject({ min: 30, max: 120 });
    expect(shown('gamble')).toBe('30 m\u20132 h');
  });

  it('reads "until" when the scene moves the clock to a fixed hour', () => {
    expect(costOf('nap')).toMatchObject({ min: 180, max: 180, until: { from: 660, to: 660 } });
    expect(shown('nap')).toBe('until 11:00');
  });

  it('says when the deadline would pass, for sure or by chance', () => {
    expect(shown('long')).toBe('5 h, past the deadline');
    const ten = takeChoice(story, start, 'errand'); // Mon 11:00 at the errand
    if (!ten.ok) throw new Error(ten.reason);
    const back = takeChoice(story, ten.state, 'errand.back'); // Mon 11:10
    if (!back.ok) throw new Error(back.reason);
    expect(shown('gamble', back.state)).toBe('30 m\u20132 h, may pass the deadline');
    expect(shown('quick', back.state)).toBe('10 m');
  });

  it('leaves locked choices at their written cost', () => {
    const gated = storyOf(
      `${HEAD}=== a\n* Pay. [10m] -> a\n  locked unless debt > 500: Not yet.\n* Go. [1h] -> over\n=== ending over "Over"\n`,
    );
    const state = startGame(gated, { seed: 1 }).state;
    const [pay] = withRealCosts(gated, state, listChoices(gated, state));
    expect(pay!.realCost).toBeUndefined();
    expect(formatChoiceCost(pay!)).toBe('10 m');
  });

  it('holds the time the game really takes, whatever the seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('quick', 'errand', 'gamble', 'nap'),
        (seed, id) => {
          const state = startGame(story, { seed }).state;
          const cost = costOf(id, state);
          const taken = takeChoice(story, state, id);
          if (!taken.ok) return false;
          const spent = taken.state.clock - state.clock;
          return cost.min <= spent && spent <= cost.max;
        },
      ),
      { numRuns: 200 },
    );
  });
});
