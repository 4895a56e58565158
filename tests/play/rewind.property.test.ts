// Rewind and branch jumps must land on exactly the state a fresh replay of the same choices
// gives: the undo stack and the branch map are derived from the run, never kept beside it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { listChoices, replay, startGame, takeChoice } from '../../src/engine/index.js';
import type { Story } from '../../src/story/types.js';
import { branchMap } from '../../src/play/branch-map.js';
import { branchRun } from '../../src/engine/run.js';
import { chooseOpen, moveSession, openSession, runOf, undoSession, type Session } from '../../src/play/session.js';
import { storyFrom, TINY_SOURCE } from '../save/helpers.js';

const stories: Array<[string, Story]> = [
  ['tiny', storyFrom(TINY_SOURCE)],
  ['generated-150', storyFrom(readFileSync('tests/fixtures/generated-150.pusher', 'utf8'))],
];

/** Plays `picks` (each taken modulo the open choices) from a seed, as the UI does. */
function play(story: Story, seed: number, picks: number[]): Session {
  let session = openSession(story, { seed });
  for (const pick of picks) {
    if (session.step.state.ending) break;
    const open = listChoices(story, session.step.state).filter((c) => c.available);
    if (!open.length) break;
    const next = chooseOpen(session, pick % open.length);
    if (typeof next === 'string') throw new Error(next);
    session = next;
  }
  return session;
}

/** The state a fresh game reaches with these choice ids, step by step through the engine. */
function fresh(story: Story, seed: number, taken: string[]) {
  let step = startGame(story, { seed });
  for (const id of taken) {
    const result = takeChoice(story, step.state, id);
    if (!result.ok) throw new Error(result.reason);
    step = result;
  }
  return step;
}

describe.each(stories)('rewind and branch jumps (%s)', (_name, story) => {
  it('undoing k choices gives the state of a fresh replay of the rest', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.array(fc.nat(20), { maxLength: 30 }), fc.nat(40), (seed, picks, k) => {
        let session = play(story, seed, picks);
        const taken = session.step.state.taken;
        for (let i = 0; i < k; i++) {
          const next = undoSession(session);
          if (typeof next === 'string') {
            expect(session.step.state.taken).toEqual([]);
            break;
          }
          session = next;
        }
        const expected = fresh(story, seed, taken.slice(0, Math.max(0, taken.length - k)));
        expect(session.step.state).toEqual(expected.state);
        expect(session.step.paragraphs).toEqual(expected.paragraphs);
      }),
      { numRuns: 60 },
    );
  });

  it('taking another option at any past decision gives the state of a fresh replay', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (seed, picks, d, o) => {
          const session = play(story, seed, picks);
          const decisions = branchMap(story, runOf(session));
          fc.pre(decisions.length > 0);
          const decision = decisions[d % decisions.length]!;
          const open = decision.others.filter((choice) => choice.available);
          fc.pre(open.length > 0);
          const choice = open[o % open.length]!;
          const jumped = moveSession(session, branchRun(runOf(session), decision.index, choice.id), 'jump');
          const taken = [...session.step.state.taken.slice(0, decision.index), choice.id];
          expect(jumped.step.state).toEqual(fresh(story, seed, taken).state);
          expect(jumped.step.state).toEqual(replay(story, taken, { seed }).step.state);
          // The map of the new run starts with the same decisions up to the jump.
          const after = branchMap(story, runOf(jumped));
          expect(after.slice(0, decision.index)).toEqual(decisions.slice(0, decision.index));
          expect(after[decision.index]!.taken.id).toBe(choice.id);
        },
      ),
      { numRuns: 60 },
    );
  });
});
