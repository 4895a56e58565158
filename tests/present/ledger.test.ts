// The ending's ledger: a story marks the decisions that count (`ledger TEXT` in a choice's
// body) and "How you got here" lists the ones the run took, in the story's words.
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.js';
import { keyDecisions, summariseRun } from '../../src/present/summarise-run.js';
import { HEAD, parseBody, storyOf } from '../story/helpers.js';

const STORY = `${HEAD}@var cash = 500 in 0..1000
=== a
* Pay Milo what you have. [10m] -> b #pay
  ledger Paid Milo {cash} kroner, the last of it.
  ~ debt -= cash
  ~ cash = 0
* Keep it. [10m] -> b #keep
* Count it again. [5m] -> a #count
=== b
* Give Tonny's name. [10m] -> over #name
  ledger Gave them Tonny.
* Say nothing. [10m] -> over #quiet
=== ending over "Over"
`;

function endOf(choices: string[]) {
  const story = storyOf(STORY);
  const run = replay(story, choices, { seed: 1 });
  expect(run.applied).toBe(choices.length);
  return keyDecisions(summariseRun(story, run.step.state));
}

describe('the ledger', () => {
  it('lists the marked decisions the run took, in the story words, with the values of their moment', () => {
    const ledger = endOf(['count', 'pay', 'name']);
    expect(ledger.map((entry) => [entry.clock, entry.label])).toEqual([
      ['Mon 08:05', 'Paid Milo 500 kroner, the last of it.'],
      ['Mon 08:15', 'Gave them Tonny.'],
    ]);
  });

  it('leaves out what was not marked, and falls back to the decisions with alternatives when none was taken', () => {
    expect(endOf(['keep', 'name']).map((entry) => entry.label)).toEqual(['Gave them Tonny.']);
    expect(endOf(['keep', 'quiet']).map((entry) => entry.label)).toEqual(['Keep it.', 'Say nothing.']);
  });

  it('is checked like any text: an unknown name in it is a positioned problem, and a second ledger line too', () => {
    const problems = (body: string[]) =>
      parseBody([...body, '=== ending over "Over"', ''].join('\n')).problems.map(
        (problem) => `${problem.line}:${problem.col}: ${problem.message}`,
      );
    const first = HEAD.split('\n').length;
    expect(problems(['=== a', '* Go. [1h] -> over', '  ledger Spent {nothing_here}.'])).toEqual([
      expect.stringMatching(new RegExp(`^${first + 2}:\\d+: .*nothing_here`)),
    ]);
    expect(problems(['=== a', '* Go. [1h] -> over', '  ledger Spent it.', '  ledger Again.'])).toEqual([
      `${first + 3}:3: a choice has one 'ledger' line`,
    ]);
  });
});
