import { describe, expect, it } from 'vitest';
import { keyAction, type KeyAction } from '../../src/ui/keys.js';
import { initialScreen, reduceScreen, type ScreenState } from '../../src/ui/screen-state.js';
import { openSession, playScripted, runOf } from '../../src/play/session.js';
import { branchMap } from '../../src/play/branch-map.js';
import { loadStory } from './helpers.js';

const story = loadStory();
const restart = { seed: 5 };

function key(state: ScreenState, action: KeyAction, typing = false, stepNo = state.session.stepNo): ScreenState {
  return reduceScreen(state, { type: 'key', action, typing, stepNo, restart });
}

describe('reduceScreen', () => {
  const fresh = (anim = false) => initialScreen(openSession(story, { seed: 7 }), anim);

  it('takes the n-th open choice on a digit', () => {
    const next = key(fresh(), { type: 'digit', n: 1 });
    expect(next.session.step.state.taken).toEqual(['count']);
    expect(next.session.history.map((item) => item.kind)).toEqual(['title', 'scene', 'pick']);
  });

  it('only skips the typing while a scene is being typed', () => {
    const state = fresh(true);
    const next = key(state, { type: 'digit', n: 1 }, true);
    expect(next.session).toBe(state.session);
    expect(next.skipped).toBe(state.session.stepNo);
  });

  it('treats a key meant for an older frame as a skip once a new scene has begun typing', () => {
    const state = key(fresh(true), { type: 'digit', n: 1 }, false);
    expect(state.session.step.state.taken).toEqual(['count']);
    // the second key was read off the frame before the first took effect
    const next = key(state, { type: 'digit', n: 2 }, false, state.session.stepNo - 1);
    expect(next.session.step.state.taken).toEqual(['count']);
    expect(next.skipped).toBe(state.session.stepNo);
  });

  it('asks before quitting, and Ctrl+C leaves at once with 130', () => {
    const asked = key(fresh(), { type: 'quit' });
    expect(asked.overlay).toBe('quit');
    expect(key(asked, { type: 'no' }).overlay).toBe('none');
    expect(key(asked, { type: 'yes' }).leaving).toBe(0);
    expect(key(fresh(), { type: 'interrupt' }).leaving).toBe(130);
  });

  it('starts a new run with the given seed from an ending, keeping the history', () => {
    const ended = initialScreen(playScripted(openSession(story, { seed: 7 }), [4]), false);
    expect(ended.session.step.state.ending).toBe('out_of_time');
    const again = key(ended, { type: 'restart' });
    expect(again.session.step.state.seed).toBe(5);
    expect(again.session.step.state.ending).toBeNull();
    expect(again.session.history.map((item) => item.kind)).toEqual([
      'title',
      'scene',
      'pick',
      'scene',
      'ending',
      'title',
    ]);
  });

  it('reports a digit with no choice behind it', () => {
    expect(key(fresh(), { type: 'digit', n: 9 }).message).toBe('Pick a number from 1 to 4.');
  });
});

describe('keyAction', () => {
  const none = {} as Parameters<typeof keyAction>[1];
  it('maps keys to what they mean', () => {
    expect(keyAction('c', { ...none, ctrl: true })).toEqual({ type: 'interrupt' });
    expect(keyAction('3', none)).toEqual({ type: 'digit', n: 3 });
    expect(keyAction('0', none)).toEqual({ type: 'other' });
    expect(keyAction('j', none)).toEqual({ type: 'down' });
    expect(keyAction('', { ...none, upArrow: true })).toEqual({ type: 'up' });
    expect(keyAction('?', none)).toEqual({ type: 'help' });
    expect(keyAction('q', none)).toEqual({ type: 'quit' });
  });
});

describe('reduceScreen: the branch map', () => {
  // two choices in: the map opens on the second decision (its other options: mother, pay, hide)
  const opened = () => {
    const state = initialScreen(playScripted(openSession(story, { seed: 7 }), [1, 1]), false);
    return key(state, { type: 'branches' });
  };

  it('picks an option with a digit and goes only on Enter', () => {
    const state = opened();
    const picked = key(state, { type: 'digit', n: 3 });
    expect(picked.overlay).toBe('branches');
    expect(picked.session).toBe(state.session);
    expect(picked.branch).toEqual({ decision: 1, option: 2 });
    const gone = key(picked, { type: 'enter' });
    expect(gone.overlay).toBe('none');
    const third = branchMap(story, runOf(state.session))[1]!.others[2]!;
    expect(third.label).toBe('Hide under the bed until it is dark.');
    expect(gone.session.step.state.taken).toEqual(['count', third.id]);
  });

  it('ignores a digit past the options', () => {
    const state = opened();
    expect(key(state, { type: 'digit', n: 9 })).toBe(state);
  });
});
