import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { GameState } from '../../src/engine/game-state.js';
import { listChoices } from '../../src/engine/list-choices.js';
import { readMeters } from '../../src/engine/meters.js';
import { startGame } from '../../src/engine/start-game.js';
import { takeChoice } from '../../src/engine/take-choice.js';
import { visitCount } from '../../src/engine/scene-visits.js';
import { summariseRun } from '../../src/present/summarise-run.js';
import { finalMoney, formatMetersLine } from '../../src/present/format-meters.js';
import type { Story } from '../../src/story/types.js';
import { HEAD, storyOf } from '../story/helpers.js';

const example = (name: string): Story =>
  storyOf(readFileSync(new URL(`../../docs/examples/${name}.pusher`, import.meta.url), 'utf8'), `${name}.pusher`);
const lines = (...text: string[]) => text.join('\n') + '\n';

function take(story: Story, state: GameState, id: string) {
  const result = takeChoice(story, state, id);
  if (!result.ok) throw new Error(result.reason);
  return result;
}
const open = (story: Story, state: GameState) => listChoices(story, state).map((choice) => choice.id);

describe('once-only choices and counts', () => {
  const story = example('once-only');

  it('hides a `once` choice after it is taken, and opens a door that asks for two taken', () => {
    let state = startGame(story, { seed: 1 }).state;
    expect(open(story, state)).toEqual(['left', 'right', 'room.go_out']);
    state = take(story, state, 'left').state;
    expect(open(story, state)).toEqual(['right', 'room.go_out']);
    state = take(story, state, 'right').state;
    expect(open(story, state)).toEqual(['mattress', 'room.go_out']);
    state = take(story, state, 'mattress').state;
    expect(state.vars['cash']).toBe(70);
    expect(open(story, state)).toEqual(['room.go_out']);
    const street = take(story, state, 'room.go_out');
    expect(street.paragraphs).toEqual(['You walk out with more than you expected.']);
  });

  it('counts every entry of a scene, jumps included, from 1 on the first', () => {
    const visits = example('visit-counts');
    let step = startGame(visits, { seed: 1 });
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      step = take(visits, step.state, 'street.go_into_the_bar');
      texts.push(step.paragraphs[0]!);
      expect(visitCount(visits, step.state, 'bar')).toBe(i + 1);
      if (i < 2) expect(open(visits, step.state)).not.toContain('bar.ask_for_credit');
      step = take(visits, step.state, 'leave_bar');
    }
    expect(texts).toEqual([
      'The barman looks at you the way he looks at everybody.',
      'The barman nods. He has seen you before.',
      'The barman has your beer poured before you sit.',
    ]);
    step = take(visits, step.state, 'street.go_into_the_bar');
    expect(open(visits, step.state)).toContain('bar.ask_for_credit');
  });
});

describe('tunnels', () => {
  const story = example('tunnels');

  it('returns to where the tunnel was called, from either of its ways out', () => {
    let state = startGame(story, { seed: 1 }).state;
    state = take(story, state, 'wait_flat').state;
    expect(state.scene).toBe('phone');
    expect(state.returns).toEqual(['flat']);
    state = take(story, state, 'ignore').state;
    expect(state.scene).toBe('flat');
    expect(state.returns).toEqual([]);
    state = take(story, state, 'flat.go_to_the_shop').state;
    state = take(story, state, 'shop_call').state;
    state = take(story, state, 'phone.answer_it').state;
    expect(state).toMatchObject({ scene: 'phone_talk', returns: ['shop_after_call'] });
    state = take(story, state, 'promise').state;
    expect(state).toMatchObject({ scene: 'shop_after_call', returns: [], vars: { cash: 50 } });
  });

  it('nests: a tunnel calling a tunnel returns twice, innermost first', () => {
    let state = startGame(story, { seed: 1 }).state;
    state = take(story, state, 'flat.go_to_sleep').state;
    expect(state).toMatchObject({ scene: 'sleep', returns: ['flat'] });
    state = take(story, state, 'wake').state;
    expect(state).toMatchObject({ scene: 'phone', returns: ['flat', 'sleep_after'] });
    const back = take(story, state, 'ignore');
    expect(back.state).toMatchObject({ scene: 'flat', returns: [] });
    expect(back.trace!.map((entry) => entry.scene)).toEqual(['sleep_after', 'flat']);
  });

  it('an event takes the run out of the tunnel it is in', () => {
    const evented = storyOf(
      HEAD +
        '@on deadline\n  -> alarm\n' +
        lines(
          '=== a',
          '* Call. [1h] #call',
          '  -> t -> a',
          '* Go. [1h] -> over',
          '=== t',
          '* Linger. [3h] -> t #linger',
          '* Back. [5m] #back',
          '  ->->',
          '=== alarm',
          '* Leave. [1h] -> over',
          '=== ending over "Over"',
        ),
    );
    let state = startGame(evented, { seed: 1 }).state;
    state = take(evented, state, 'call').state;
    expect(state.returns).toEqual(['a']);
    // 09:00 + 3h reaches the deadline at 12:00: the event sends the run on, out of the tunnel.
    state = take(evented, state, 'linger').state;
    expect(state).toMatchObject({ scene: 'alarm', clock: 12 * 60, returns: [] });
  });
});

describe('varied text', () => {
  const story = example('varied-text');
  const stairs = (seed: number, rounds: number) => {
    let step = startGame(story, { seed });
    const seen = [step.paragraphs[0]!];
    for (let i = 1; i < rounds; i++) {
      step = take(story, step.state, 'down');
      seen.push(step.paragraphs[0]!);
    }
    return seen;
  };

  it('steps a sequence to its last item, cycles a cycle, shows once-only text once', () => {
    const seen = stairs(1, 4);
    expect(seen.map((text) => text.split('.')[0])).toEqual([
      'The stairwell smells of bleach',
      'The bleach again',
      'You no longer smell the bleach',
      'You no longer smell the bleach',
    ]);
    expect(seen.map((text) => /landing (\w+)/.exec(text)![1])).toEqual(['flickers', 'holds', 'flickers', 'flickers']);
    expect(seen.map((text) => text.includes('the crack in the wall'))).toEqual([true, false, false, false]);
    expect(seen[0]).toContain('Prices are marked {in braces} on the notice board, and a pipe | runs up the wall.');
  });

  it('draws a shuffle from the seed: the same run shows the same text, other seeds differ', () => {
    expect(stairs(7, 6)).toEqual(stairs(7, 6));
    const radio = (seed: number) =>
      stairs(seed, 6).map((text) => /radio plays (a hymn|the news|a football match)/.exec(text)![1]);
    const runs = new Set(Array.from({ length: 20 }, (_, seed) => radio(seed).join(',')));
    expect(runs.size).toBeGreaterThan(1);
  });
});

describe("the story's own meters", () => {
  const story = example('meters');

  it('reads the money meter with its label and unit, and the time meter from its @time', () => {
    const { state } = startGame(story, { seed: 1 });
    const meters = readMeters(story, state);
    expect(meters).toMatchObject({
      money: { name: 'rent', label: 'Rent short', unit: '€' },
      debt: 1200,
      debtMax: 2000,
      time: 'due',
      timeLabel: 'Landlord',
      deadline: 4 * 1440 + 17 * 60,
      minutesLeft: 9 * 60,
      status: [],
    });
    expect(formatMetersLine(meters)).toBe('Fri 08:00 · Rent short 1,200 € · 9 h left (Landlord Fri 17:00)');
  });

  it("ends with the final line in the story's words, and @on deadline watches the time meter", () => {
    let state = startGame(story, { seed: 1 }).state;
    state = take(story, state, 'ask').state;
    expect(readMeters(story, state).deadline).toBe(5 * 1440 + 17 * 60);
    while (!state.ending) state = take(story, state, 'wait').state;
    expect(state.ending).toBe('evening');
    const summary = summariseRun(story, state);
    expect(finalMoney(summary.money, summary.finalDebt)).toEqual({ label: 'Final rent short', value: '1,200 €' });
  });

  it('a story without meters shows none and never fires @on deadline', () => {
    const bare = storyOf(
      HEAD.replace('@meter money debt\n', '').replace('@meter time deadline\n', '') +
        lines('=== a', '* Go. [1h] -> over', '=== ending over "Over"'),
    );
    const meters = readMeters(bare, startGame(bare, { seed: 1 }).state);
    expect(meters).toMatchObject({ money: null, time: null, debt: 0 });
    expect(formatMetersLine(meters)).toBe('Mon 08:00');
  });
});

describe('--set clock', () => {
  it('starts the run at that moment, from any scene', () => {
    const story = example('tunnels');
    const { state } = startGame(story, { seed: 1, from: 'shop', set: { clock: 19 * 60, cash: 5 } });
    expect(state).toMatchObject({ scene: 'shop', clock: 19 * 60, vars: { cash: 5 } });
    expect(state.vars).not.toHaveProperty('clock');
  });
});
