import { describe, expect, it } from 'vitest';
import {
  startGame,
  listChoices,
  takeChoice,
  replay,
  readMeters,
  meterDeltas,
  visitCount,
  scenesEntered,
  type GameState,
} from '../../src/engine/index.js';
import { storyOf } from '../story/helpers.js';

const STORY = storyOf(`@start a
@clock Mon 08:00
@timeout Sun 20:00 -> over
@var debt = 100 in 0..1000 show "Debt" unit kr
@var cash = 50 in 0..200 show "Cash" unit kr
@var heat = 0 in 0..3
@flag met show "Met"
@time deadline = Fri 12:00

@meter money debt
@meter time deadline
=== a
Cash {cash}, debt {debt}. {if met: You know him.|You know nobody.}
* Work. [2h] -> a #work
  ~ cash += 100
* Spend. [30m] -> a #spend
  locked unless cash >= 100: You need {100 - cash} more.
  ~ cash -= 500
* Secret. [1h] -> a #secret
  hidden unless met
* Meet. [15m] -> a #meet
  hidden unless not met
  locked unless cash > 0: Broke.
  locked unless heat < 3: Too hot.
  ~ met = true
  ~ heat += 5
* Borrow. [1h] -> a #borrow
  ~ debt += 5000
* Wait. [1h] -> b #wait
* Gamble. [10m] #gamble
  50% -> won
  50% -> lost
* Give up. [1m] -> over #quit

=== b
~ wait 3h
You waited. It is {clock}.
* Back. [1m] -> a #back
* Sleep. [1m] -> a #sleep
  ~ wait until Tue 09:00
* Doze. [1m] -> a #doze
  ~ wait until Mon 00:00

=== won
~ cash += 1
-> a
=== lost
~ cash -= 1
-> a
=== ending over "Over"
The end at {clock}.
`);

function take(state: GameState, id: string) {
  const result = takeChoice(STORY, state, id);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('startGame', () => {
  it('starts at @start, at @clock, with initial values and the first prose', () => {
    const step = startGame(STORY, { seed: 7 });
    expect(step.state).toEqual({
      seed: 7,
      scene: 'a',
      clock: 8 * 60,
      vars: { debt: 100, cash: 50, heat: 0, met: false, deadline: 4 * 1440 + 12 * 60 },
      deadlineFired: null,
      visits: expect.any(Array),
      taken: [],
      ending: null,
      returns: [],
    });
    expect(step.paragraphs).toEqual(['Cash 50, debt 100. You know nobody.']);
    expect(scenesEntered(STORY, step.state)).toEqual(['a']);
    expect(step.state.visits).toHaveLength(STORY.sceneOrder.length);
  });

  it('can start from another scene, with values set, and at another time', () => {
    const step = startGame(STORY, { seed: 1, from: 'b', set: { cash: 3, met: true }, clock: 1440 });
    expect(step.state.scene).toBe('b');
    expect(step.state.vars['cash']).toBe(3);
    expect(step.state.vars['met']).toBe(true);
    expect(step.state.clock).toBe(1440 + 180);
    expect(step.paragraphs).toEqual(['You waited. It is Tue 03:00.']);
  });

  it('renders nothing when asked not to', () => {
    expect(startGame(STORY, { seed: 1, render: false }).paragraphs).toEqual([]);
  });
});

describe('listChoices', () => {
  it('shows open choices, locked ones with their reason, and leaves hidden ones out', () => {
    const { state } = startGame(STORY, { seed: 1 });
    const views = listChoices(STORY, state);
    expect(views.map((v) => v.id)).toEqual(['work', 'spend', 'meet', 'borrow', 'wait', 'gamble', 'quit']);
    expect(views.find((v) => v.id === 'spend')).toEqual({
      id: 'spend',
      label: 'Spend.',
      cost: 30,
      available: false,
      reason: 'You need 50 more.',
    });
    expect(views.find((v) => v.id === 'work')).toEqual({
      id: 'work',
      label: 'Work.',
      cost: 120,
      available: true,
      reason: null,
    });
  });

  it('gives the reason of the first lock that fails, in order', () => {
    const base = startGame(STORY, { seed: 1 }).state;
    const reason = (vars: GameState['vars']) =>
      listChoices(STORY, { ...base, vars: { ...base.vars, ...vars } }).find((v) => v.id === 'meet')!.reason;
    expect(reason({ cash: 0, heat: 3 })).toBe('Broke.');
    expect(reason({ cash: 5, heat: 3 })).toBe('Too hot.');
    expect(reason({ cash: 5, heat: 0 })).toBeNull();
  });

  it('shows a hidden choice once its condition holds, and hides the other', () => {
    const after = take(startGame(STORY, { seed: 1 }).state, 'meet').state;
    const ids = listChoices(STORY, after).map((v) => v.id);
    expect(ids).toContain('secret');
    expect(ids).not.toContain('meet');
  });

  it('offers nothing at an ending', () => {
    const end = take(startGame(STORY, { seed: 1 }).state, 'quit').state;
    expect(end.ending).toBe('over');
    expect(listChoices(STORY, end)).toEqual([]);
  });
});

describe('takeChoice', () => {
  it('spends the choice time, applies effects, enters the target and renders its prose', () => {
    const start = startGame(STORY, { seed: 1 }).state;
    const step = take(start, 'work');
    expect(step.state.clock).toBe(start.clock + 120);
    expect(step.state.vars['cash']).toBe(150);
    expect(step.state.scene).toBe('a');
    expect(step.state.taken).toEqual(['work']);
    expect(visitCount(STORY, step.state, 'a')).toBe(2);
    expect(step.paragraphs).toEqual(['Cash 150, debt 100. You know nobody.']);
  });

  it('clamps every assignment to the declared range', () => {
    let state = startGame(STORY, { seed: 1 }).state;
    state = take(state, 'work').state; // 150
    state = take(state, 'work').state; // 250 -> 200
    expect(state.vars['cash']).toBe(200);
    state = take(state, 'spend').state; // -300 -> 0
    expect(state.vars['cash']).toBe(0);
    state = take(state, 'borrow').state;
    expect(state.vars['debt']).toBe(1000);
    state = take(take(state, 'work').state, 'meet').state; // heat += 5 -> 3
    expect(state.vars['heat']).toBe(3);
  });

  it('refuses a locked, a hidden and an unknown choice, and does not move', () => {
    const start = startGame(STORY, { seed: 1 }).state;
    const locked = takeChoice(STORY, start, 'spend');
    expect(locked).toEqual({ ok: false, reason: "the choice 'spend' is locked" });
    expect(takeChoice(STORY, start, 'secret')).toEqual({ ok: false, reason: "the choice 'secret' is hidden" });
    expect(takeChoice(STORY, start, 'nope')).toEqual({ ok: false, reason: "there is no choice 'nope' here" });
    expect(takeChoice(STORY, start, 'back')).toMatchObject({ ok: false });
  });

  it('refuses any choice once the game is over', () => {
    const end = take(startGame(STORY, { seed: 1 }).state, 'quit').state;
    expect(takeChoice(STORY, end, 'work')).toEqual({ ok: false, reason: 'the game is over' });
  });

  it('runs ~ wait inside a scene before its choices, and wait until only moves the clock forward', () => {
    const start = startGame(STORY, { seed: 1 }).state;
    const atB = take(start, 'wait');
    expect(atB.state.clock).toBe(start.clock + 60 + 180);
    expect(atB.paragraphs).toEqual(['You waited. It is Mon 12:00.']);
    const slept = take(atB.state, 'sleep').state;
    expect(slept.clock).toBe(1440 + 9 * 60);
    const dozed = take(atB.state, 'doze').state;
    expect(dozed.clock).toBe(atB.state.clock + 1);
  });

  it('follows chance draws and jumps to the next choice point', () => {
    const start = startGame(STORY, { seed: 1 }).state;
    const step = take(start, 'gamble');
    expect(step.state.scene).toBe('a');
    const visited = scenesEntered(STORY, step.state).filter((scene) => scene === 'won' || scene === 'lost');
    expect(visited).toHaveLength(1);
    expect(step.state.vars['cash']).toBe(visited[0] === 'won' ? 51 : 49);
  });

  it('never mutates its input state', () => {
    const start = startGame(STORY, { seed: 3 }).state;
    const frozen = structuredClone(start);
    deepFreeze(start);
    for (const id of ['work', 'meet', 'wait', 'gamble', 'borrow', 'quit']) {
      const result = takeChoice(STORY, start, id);
      expect(result.ok).toBe(true);
      listChoices(STORY, start);
    }
    expect(start).toEqual(frozen);
  });

  it('states are plain JSON: a state that went through JSON plays on the same', () => {
    let state = startGame(STORY, { seed: 11 }).state;
    for (const id of ['work', 'gamble', 'meet', 'wait', 'sleep', 'gamble']) {
      const copy = JSON.parse(JSON.stringify(state)) as GameState;
      expect(copy).toEqual(state);
      const direct = takeChoice(STORY, state, id);
      const viaJson = takeChoice(STORY, copy, id);
      expect(viaJson).toEqual(direct);
      if (!direct.ok) throw new Error(direct.reason);
      state = direct.state;
    }
  });
});

describe('replay', () => {
  it('equals stepping by hand, and stops at the first choice that is not open', () => {
    const ids = ['work', 'gamble', 'meet', 'secret', 'spend', 'nope', 'work'];
    const run = replay(STORY, ids, { seed: 5 });
    let step = startGame(STORY, { seed: 5 });
    const steps = [step];
    for (const id of ids.slice(0, 5)) {
      const next = take(step.state, id);
      step = { state: next.state, paragraphs: next.paragraphs };
      steps.push(step);
    }
    expect(run.applied).toBe(5);
    expect(run.stoppedBecause).toBe("there is no choice 'nope' here");
    expect(run.steps).toEqual(steps);
    expect(run.step).toEqual(step);
    expect(run.step.state.taken).toEqual(ids.slice(0, 5));
  });
});

describe('meters', () => {
  it('reads debt, its range, minutes left, and the shown status values', () => {
    const { state } = startGame(STORY, { seed: 1 });
    const meters = readMeters(STORY, state);
    expect(meters).toEqual({
      money: { name: 'debt', label: 'Debt', unit: 'kr' },
      time: 'deadline',
      timeLabel: 'deadline',
      debt: 100,
      debtMax: 1000,
      minutesLeft: 4 * 1440 + 12 * 60 - 8 * 60,
      clock: 8 * 60,
      deadline: 4 * 1440 + 12 * 60,
      status: [
        { name: 'cash', label: 'Cash', value: 50, unit: 'kr', type: 'int' },
        { name: 'met', label: 'Met', value: false, unit: null, type: 'bool' },
      ],
    });
  });

  it('reports how the meters moved, and only the status values that changed', () => {
    const before = startGame(STORY, { seed: 1 }).state;
    const after = take(before, 'meet').state;
    expect(meterDeltas(STORY, before, after)).toEqual({
      debt: 0,
      minutesLeft: -15,
      status: [{ name: 'met', label: 'Met', delta: true, unit: null }],
    });
    const worked = take(before, 'borrow').state;
    expect(meterDeltas(STORY, before, worked)).toEqual({ debt: 900, minutesLeft: -60, status: [] });
    const paid = take(before, 'work').state;
    expect(meterDeltas(STORY, before, paid).status).toEqual([{ name: 'cash', label: 'Cash', delta: 100, unit: 'kr' }]);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('prose rendering', () => {
  it('interpolates numbers with separators, times as week times, flags as yes/no, and strips control characters', () => {
    const story = storyOf(`@start a
@clock Tue 18:30
@timeout Sun 20:00 -> over
@var debt = 120000 in -1000000..1000000
@flag busted = true
@time deadline = Wed 20:00
@meter money debt
@meter time deadline
=== a
Owe {debt}, {0 - debt}. Due {deadline}, now {clock}, in {deadline - clock} minutes. Busted: {busted}. {if busted: Caught.|Free.}
Bell\u0007 and \u001b[2Jclear.
* Go. [1h] -> over
=== ending over "Over"
`);
    const { paragraphs } = startGame(story, { seed: 1 });
    expect(paragraphs).toEqual([
      'Owe 120,000, -120,000. Due Wed 20:00, now Tue 18:30, in 1,530 minutes. Busted: yes. Caught. Bell and clear.',
    ]);
  });
});
