import { describe, expect, it } from 'vitest';
import { storyFingerprint } from '../../src/story/story-fingerprint.js';
import { makeSave, parseSave, serialiseSave } from '../../src/save/save-format.js';
import { loadSave } from '../../src/save/load-save.js';
import { replayRun, type Run } from '../../src/engine/run.js';
import { isSlotName, slotNameProblem } from '../../src/save/slot-name.js';
import { TINY_SOURCE, storyFrom } from './helpers.js';

const story = storyFrom(TINY_SOURCE);
const fingerprint = storyFingerprint(story);
const run: Run = { start: { seed: 5 }, taken: ['count', 'kitchen.call_your_mother', 'mother.go_back_to_the_kitchen'] };

describe('save files', () => {
  it('round-trip: a saved run loads to exactly the state it was saved in', () => {
    const state = replayRun(story, run).step.state;
    const text = serialiseSave(makeSave(story, fingerprint, run, state, new Date('2025-01-02T03:04:05Z')));
    const parsed = parseSave(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const loaded = loadSave(story, fingerprint, parsed.save);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.notice).toBeNull();
    expect(loaded.run).toEqual(run);
    expect(loaded.replay.step.state).toEqual(state);
  });

  it('keeps --from and --set starts', () => {
    const custom: Run = {
      start: { seed: 1, from: 'mother', set: { cash: 0 } },
      taken: ['mother.go_back_to_the_kitchen'],
    };
    const state = replayRun(story, custom).step.state;
    const parsed = parseSave(serialiseSave(makeSave(story, fingerprint, custom, state, new Date())));
    expect(parsed.ok && loadSave(story, fingerprint, parsed.save)).toMatchObject({ ok: true, run: custom });
  });

  it('names what is wrong with damaged, cut-short and foreign files', () => {
    const good = serialiseSave(makeSave(story, fingerprint, run, replayRun(story, run).step.state, new Date()));
    expect(parseSave(good.slice(0, good.length / 2))).toEqual({
      ok: false,
      problem: 'it is not valid JSON (damaged or cut short)',
    });
    expect(parseSave('')).toMatchObject({ ok: false });
    expect(parseSave('{"hello": 1}')).toEqual({ ok: false, problem: 'it is not a Pusher save' });
    expect(parseSave('[1,2]')).toEqual({ ok: false, problem: 'it is not a Pusher save' });
    expect(parseSave(good.replace('"version": 1', '"version": 9'))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('version 9'),
    });
    expect(parseSave(good.replace(/"taken": \[[^\]]*\]/, '"taken": [1, 2]'))).toMatchObject({
      ok: false,
      problem: expect.stringContaining("'taken'"),
    });
    expect(parseSave(good.replace('"seed": 5', '"seed": -1'))).toMatchObject({
      ok: false,
      problem: expect.stringContaining("'seed'"),
    });
    const other = parseSave(good.replace('"story": "tiny"', '"story": "another"'));
    expect(other.ok && loadSave(story, fingerprint, other.save)).toEqual({
      ok: false,
      problem: "it belongs to the story 'another', not 'tiny'",
    });
  });
});

describe('a story edited under a save', () => {
  it('loads up to the last valid point when a recorded choice was removed, and says so', () => {
    const paid: Run = { start: { seed: 5 }, taken: ['count', 'kitchen.pay_what_you_have', 'count'] };
    const save = makeSave(story, fingerprint, paid, replayRun(story, paid).step.state, new Date());
    // The author cuts "Pay what you have" (the second choice taken).
    const cut = TINY_SOURCE.replace(/\* Pay what you have\.[^\n]*\n( {2}[^\n]*\n)+/, '');
    expect(cut).not.toContain('Pay what you have');
    const edited = storyFrom(cut);
    const loaded = loadSave(edited, storyFingerprint(edited), save);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.run.taken).toEqual(['count']);
    expect(loaded.replay.step.state).toEqual(replayRun(edited, { start: paid.start, taken: ['count'] }).step.state);
    expect(loaded.notice).toContain('The story has changed since this save');
    expect(loaded.notice).toContain("choice 2 of 3 ('kitchen.pay_what_you_have') no longer works");
    expect(loaded.notice).toContain('Loaded up to the last valid point, after 1 choice.');
  });

  it('loads in full, with a word, when the story changed but every choice still works', () => {
    const save = makeSave(story, fingerprint, run, replayRun(story, run).step.state, new Date());
    const edited = storyFrom(TINY_SOURCE.replace('Two hundred, give or take.', 'Two hundred, more or less.'));
    const loaded = loadSave(edited, storyFingerprint(edited), save);
    expect(loaded).toMatchObject({ ok: true, run, notice: expect.stringContaining('every choice in it still works') });
  });
});

describe('slot names', () => {
  it('accepts plain names', () => {
    for (const name of ['a', 'before-milo', 'Run_2', 'x'.repeat(40)]) expect(isSlotName(name), name).toBe(true);
  });

  it('refuses every name that could leave the saves folder or break a file system', () => {
    const attacks = [
      '',
      '../x',
      '..',
      '.',
      '.hidden',
      'a/b',
      'a\\b',
      '/etc/passwd',
      'C:\\x',
      'a\0b',
      '\0',
      'x'.repeat(41),
      'x'.repeat(5000),
      'a b',
      'con',
      'NUL',
      'lpt1',
      'a\nb',
      'é',
      '-x',
      'x.json',
    ];
    for (const name of attacks) expect(slotNameProblem(name), JSON.stringify(name)).not.toBeNull();
  });
});
