import { describe, expect, it } from 'vitest';
import { stateKeyer } from '../../src/tools/state-key.js';
import { startGame } from '../../src/engine/start-game.js';
import type { GameState } from '../../src/engine/game-state.js';
import type { Story } from '../../src/story/types.js';
import {
  CLOCK_AND_TIMEOUT,
  DEADLINE_FIRED,
  DEADLINE_VALUE,
  READ_BY_EVENTS,
  at,
  check,
  expectProved,
  keyBehindJumps,
  proseOnly,
  storyOf,
} from './merge-fixtures.js';

/** A state of the story at `scene`, otherwise as the game starts, with `change` laid over it. */
function stateAt(story: Story, scene: string, change: Partial<GameState> = {}): GameState {
  const start = startGame(story, { seed: 0, render: false }).state;
  return { ...start, scene, ...change, vars: { ...start.vars, ...change.vars } };
}

describe('stateKeyer', () => {
  const keyStory = storyOf(keyBehindJumps('locked unless key: It is locked.'));
  const keyOf = stateKeyer(keyStory);

  it('tells apart states that differ in a variable still read from their scene', () => {
    for (const scene of ['a', 'hall', 'door']) {
      expect(keyOf(stateAt(keyStory, scene, { vars: { key: true } }))).not.toBe(
        keyOf(stateAt(keyStory, scene, { vars: { key: false } })),
      );
    }
  });

  it('merges states that differ only in a variable no longer read', () => {
    // past the door nothing reads the key; debt is read nowhere at all
    expect(keyOf(stateAt(keyStory, 'garden', { vars: { key: true } }))).toBe(
      keyOf(stateAt(keyStory, 'garden', { vars: { key: false } })),
    );
    expect(keyOf(stateAt(keyStory, 'door', { vars: { debt: 0 } }))).toBe(
      keyOf(stateAt(keyStory, 'door', { vars: { debt: 900 } })),
    );
  });

  it("merges states that differ only in a variable an event reads, once the event's day is over", () => {
    const story = storyOf(READ_BY_EVENTS);
    const key = stateKeyer(story);
    const armed = { vars: { armed: true, warned: true } };
    const unarmed = { vars: { armed: false, warned: false } };
    expect(key(stateAt(story, 'camp', armed))).not.toBe(key(stateAt(story, 'camp', unarmed)));
    const morning = { clock: at('Tue 09:00') };
    expect(key(stateAt(story, 'morning', { ...morning, ...armed }))).toBe(
      key(stateAt(story, 'morning', { ...morning, ...unarmed })),
    );
  });

  it('merges states that differ only in a variable shown in prose', () => {
    const story = storyOf(proseOnly(true));
    const key = stateKeyer(story);
    expect(key(stateAt(story, 'b', { vars: { debt: 0 } }))).toBe(key(stateAt(story, 'b', { vars: { debt: 100 } })));
  });

  it('tells apart states that differ in the scene, the clock, the deadline or the deadline fired', () => {
    const base = stateAt(keyStory, 'door', { clock: at('Mon 10:00') });
    const others: GameState[] = [
      { ...base, scene: 'hall' },
      { ...base, clock: at('Mon 10:05') },
      { ...base, vars: { ...base.vars, deadline: at('Mon 14:00') } },
      { ...base, deadlineFired: at('Mon 12:00') },
    ];
    const keys = [base, ...others].map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves out what only keys seeded draws or the replay: seed, visits and choices taken', () => {
    const base = stateAt(keyStory, 'door');
    const replayed: GameState = {
      ...base,
      seed: 7,
      visits: base.visits.map((count) => count + 2),
      taken: ['take', 'walk'],
    };
    expect(keyOf(replayed)).toBe(keyOf(base));
  });

  it('gives every state at an ending the same key, and different endings different keys', () => {
    const lost = stateAt(keyStory, 'lost', { ending: 'lost', vars: { key: true } });
    const lostLater = stateAt(keyStory, 'lost', { ending: 'lost', clock: at('Mon 19:00'), vars: { key: false } });
    const over = stateAt(keyStory, 'over', { ending: 'over' });
    expect(keyOf(lostLater)).toBe(keyOf(lost));
    expect(keyOf(over)).not.toBe(keyOf(lost));
  });

  describe('in check', () => {
    it('keeps states apart by clock: from the later one the week ends before the train', () => {
      const report = check(storyOf(CLOCK_AND_TIMEOUT));
      expectProved(report);
      expect(report.endings.map((ending) => ending.id)).toEqual(['escaped', 'over']);
    });

    it('keeps states apart by deadline: waiting passes only the earlier one', () => {
      const report = check(storyOf(DEADLINE_VALUE));
      expectProved(report);
      expect(report.endings.map((ending) => ending.id)).toEqual(['caught', 'safe', 'over']);
    });

    it('keeps states apart by the deadline fired: moving it back to noon fires it only once', () => {
      const report = check(storyOf(DEADLINE_FIRED));
      expectProved(report);
      expect(report.endings.map((ending) => ending.id)).toEqual(['caught', 'spared', 'over']);
    });

    it('keeps states apart by a variable read after jumps: the key opens the door', () => {
      const report = check(keyStory);
      expectProved(report);
      expect(report.gates).toBe(1);
    });
  });
});
