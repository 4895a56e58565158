// A save's recorded start is checked as `--set` is: no file can load a state the story
// could never hold. A save of this very story whose choices do not replay is damaged, not
// a sign that the story changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storyFingerprint } from '../../src/story/story-fingerprint.js';
import { makeSave, type SaveFile } from '../../src/save/save-format.js';
import { loadSave } from '../../src/save/load-save.js';
import { parseAssignments } from '../../src/cli/parse-assignments.js';
import { replayRun, type Run } from '../../src/engine/run.js';
import { TINY_SOURCE, storyFrom } from './helpers.js';

const story = storyFrom(TINY_SOURCE);
const fingerprint = storyFingerprint(story);
const run: Run = { start: { seed: 5 }, taken: ['count'] };
const good = makeSave(story, fingerprint, run, replayRun(story, run).step.state, new Date('2025-01-01T00:00:00Z'));
const edited = storyFrom(TINY_SOURCE.replace('Two hundred, give or take.', 'Two hundred, more or less.'));

const withSet = (set: SaveFile['set']): SaveFile => ({ ...good, set });

describe('a save whose start the story cannot hold', () => {
  it('out of range, no such variable, the wrong type: refused as damaged, saying what is wrong', () => {
    const cases: Array<[SaveFile['set'], string]> = [
      [{ cash: -99_999_999 }, "'cash' must be from 0 to 5000, got -99999999"],
      [{ money: 5 }, "the story declares no 'money'"],
      [{ called_mother: 1 }, "'called_mother' is a flag: use true or false"],
      [{ nerve: true }, "'nerve' takes a whole number"],
      [{ nerve: 1.5 }, "'nerve' takes a whole number"],
      [{ deadline: true }, "'deadline' is a time"],
      [{ constructor: 1 } as SaveFile['set'], "the story declares no 'constructor'"],
    ];
    for (const [set, problem] of cases) {
      const loaded = loadSave(story, fingerprint, withSet(set));
      expect(loaded.ok, JSON.stringify(set)).toBe(false);
      if (loaded.ok) continue;
      expect(loaded.problem).toMatch(/^it is damaged: its start cannot be played \(/);
      expect(loaded.problem).toContain(problem);
    }
  });

  it('after the story was edited, the same start is refused as a change of the story', () => {
    const loaded = loadSave(edited, storyFingerprint(edited), withSet({ cash: 6000 }));
    expect(loaded).toEqual({
      ok: false,
      problem:
        "the story has changed since this save: its start cannot be played ('cash' must be from 0 to 5000, got 6000)",
    });
  });

  it('accepts exactly what --set accepts (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('cash', 'debt', 'nerve', 'called_mother'),
        fc.integer({ min: -9000, max: 9000 }),
        (name, n) => {
          const value = story.vars[name]!.type === 'bool' ? n % 2 === 0 : n;
          let bySet = true;
          try {
            parseAssignments([`${name}=${String(value)}`], story.vars);
          } catch {
            bySet = false;
          }
          expect(loadSave(story, fingerprint, withSet({ [name]: value })).ok).toBe(bySet);
        },
      ),
    );
  });
});

describe('a save with a choice its story never had', () => {
  it('same story: damaged, not loaded, the file left alone', () => {
    const loaded = loadSave(story, fingerprint, { ...good, taken: ['count', 'nope'] });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problem).toMatch(/^it is damaged: choice 2 of 2 \('nope'\) cannot be taken \(/);
    expect(loaded.problem).not.toContain('story has changed');
  });

  it('an edited story: loads up to the last valid point, as before', () => {
    const loaded = loadSave(edited, storyFingerprint(edited), { ...good, taken: ['count', 'nope'] });
    expect(loaded).toMatchObject({
      ok: true,
      notice: expect.stringContaining('The story has changed since this save'),
    });
  });

  it('a start scene the same story does not have: damaged', () => {
    expect(loadSave(story, fingerprint, { ...good, from: 'attic' })).toEqual({
      ok: false,
      problem: "it is damaged: it starts at the scene 'attic', which the story does not have",
    });
  });
});
