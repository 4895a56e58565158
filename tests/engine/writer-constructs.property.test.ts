import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { GameState } from '../../src/engine/game-state.js';
import { listChoices } from '../../src/engine/list-choices.js';
import { startGame } from '../../src/engine/start-game.js';
import { takeChoice } from '../../src/engine/take-choice.js';
import { replay } from '../../src/engine/replay.js';
import { analyseTunnels } from '../../src/story/tunnels.js';
import { stateKeyer } from '../../src/tools/state-key.js';
import type { Story } from '../../src/story/types.js';
import { storyOf } from '../story/helpers.js';

const example = (name: string): Story =>
  storyOf(readFileSync(new URL(`../../docs/examples/${name}.pusher`, import.meta.url), 'utf8'), `${name}.pusher`);

/** Plays a run: at each choice point the pick (modulo the open choices) chooses. */
function play(
  story: Story,
  seed: number,
  picks: number[],
  visit: (before: GameState, step: ReturnType<typeof takeChoice> & { ok: true }) => void,
) {
  let state = startGame(story, { seed }).state;
  for (const pick of picks) {
    if (state.ending) break;
    const open = listChoices(story, state).filter((choice) => choice.available);
    expect(open.length, `stuck at ${state.scene}`).toBeGreaterThan(0);
    const result = takeChoice(story, state, open[pick % open.length]!.id);
    if (!result.ok) throw new Error(result.reason);
    visit(state, result);
    state = result.state;
  }
  return state;
}

const runs = fc.tuple(fc.nat(10_000), fc.array(fc.nat(7), { minLength: 1, maxLength: 60 }));

describe('a tunnel always returns where it was called', () => {
  const story = example('tunnels');
  const bound = analyseTunnels(story).depth;

  it('every ->-> goes on to the scene its call named, and the stack never passes its static bound', () => {
    fc.assert(
      fc.property(runs, ([seed, picks]) => {
        play(story, seed, picks, (before, step) => {
          // Follow the stack scene by scene: a shorter stack means a return, which must land on
          // the scene the call pushed; a longer one means a call, pushing one scene.
          let stack = before.returns;
          for (const entry of step.trace ?? []) {
            if (entry.via === 'event') expect(entry.returns).toEqual([]);
            else if (entry.returns.length < stack.length) {
              expect(entry.returns).toEqual(stack.slice(0, entry.returns.length));
              expect(stack).toContain(entry.scene);
            } else expect(entry.returns.slice(0, stack.length)).toEqual(stack);
            expect(entry.returns.length).toBeLessThanOrEqual(bound);
            stack = entry.returns;
          }
          expect(step.state.returns.length).toBeLessThanOrEqual(bound);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('from every state inside a tunnel, some way of playing on returns from it or ends the game', () => {
    const key = stateKeyer(story);
    const returnsOrEnds = (from: GameState): boolean => {
      const depth = from.returns.length;
      const seen = new Set<string>([key(from)]);
      const queue = [from];
      for (let head = 0; head < queue.length; head++) {
        const state = queue[head]!;
        for (const choice of listChoices(story, state).filter((c) => c.available)) {
          const next = takeChoice(story, state, choice.id, { render: false });
          if (!next.ok) continue;
          if (next.state.ending || next.state.returns.length < depth) return true;
          const k = key(next.state);
          if (!seen.has(k)) {
            seen.add(k);
            queue.push(next.state);
          }
        }
      }
      return false;
    };
    let inside = 0;
    fc.assert(
      fc.property(runs, ([seed, picks]) => {
        play(story, seed, picks, (_, step) => {
          if (step.state.ending || step.state.returns.length === 0) return;
          inside++;
          expect(returnsOrEnds(step.state), `stuck in a tunnel at ${step.state.scene}`).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
    expect(inside).toBeGreaterThan(0);
  });
});

describe("a shuffle's draw replays", () => {
  const story = example('varied-text');

  it('the same seed and choices show the same text, every shuffle included', () => {
    fc.assert(
      fc.property(runs, ([seed, picks]) => {
        const shown: string[][] = [startGame(story, { seed }).paragraphs];
        const end = play(story, seed, picks, (_, step) => shown.push(step.paragraphs));
        const again = replay(story, end.taken, { seed });
        expect(again.steps.map((step) => step.paragraphs)).toEqual(shown);
      }),
      { numRuns: 150 },
    );
  });
});

describe('merged states play the same', () => {
  it('states with one key offer the same choices (counts capped, taken choices, return stacks)', () => {
    for (const name of ['once-only', 'visit-counts', 'tunnels', 'meters']) {
      const story = example(name);
      const key = stateKeyer(story);
      const offered = new Map<string, string>();
      fc.assert(
        fc.property(runs, ([seed, picks]) => {
          play(story, seed, picks, (_, step) => {
            const choices = listChoices(story, step.state)
              .map((choice) => `${choice.id}:${choice.available}`)
              .join(',');
            const k = key(step.state);
            const known = offered.get(k);
            if (known === undefined) offered.set(k, choices);
            else expect(choices, `${name} at ${k}`).toBe(known);
          });
        }),
        { numRuns: 80 },
      );
    }
  });
});
