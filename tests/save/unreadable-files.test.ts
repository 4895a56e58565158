// Anything the game cannot read (a profile it has no permission for, a folder in its place,
// a newer game's profile or save, a damaged autosave) is reported and left in place or
// moved aside with a message, never overwritten.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGameStore } from '../../src/save/game-store.js';
import { profilePath, readProfile } from '../../src/save/profile-store.js';
import { savesFolder } from '../../src/save/save-store.js';
import { replayRun, type Run } from '../../src/engine/run.js';
import { TINY_SOURCE, storyFrom, tempDir } from './helpers.js';

const story = storyFrom(TINY_SOURCE);
const run: Run = { start: { seed: 5 }, taken: ['count'] };
const state = replayRun(story, run).step.state;
const NOW = () => new Date('2025-03-04T05:06:07Z');
const NEWER_PROFILE = JSON.stringify({ format: 'pusher-profile', version: 2, stories: { tiny: { shiny: true } } });

/** Plays a step the profile has never seen, so the store wants to write it. */
function playAStep(store: ReturnType<typeof openGameStore>) {
  return store.note({ choices: ['count'], ending: 'beaten', now: NOW() });
}

describe('a profile the game cannot read', () => {
  it('a folder in its place: said at the start, left as it is, never written', () => {
    const dir = tempDir();
    mkdirSync(join(profilePath(dir), 'inside'), { recursive: true });
    const store = openGameStore(story, dir, { now: NOW });
    expect(store.notices.join('\n')).toMatch(
      /Your profile \(.*profile\.json\) cannot be read: it is a folder, not a regular file\. It is left as it is, and what you find in this game is not kept\./,
    );
    expect(playAStep(store)).toBeNull();
    expect(readdirSync(profilePath(dir))).toEqual(['inside']);
    // The gallery command says so too, instead of "0 found" with no word.
    expect(readProfile(dir).notice).toMatch(/cannot be read: it is a folder/);
  });

  it('a newer version: left byte for byte, and said', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(profilePath(dir), NEWER_PROFILE);
    const store = openGameStore(story, dir, { now: NOW });
    expect(store.notices.join('\n')).toMatch(
      /it is a profile of version 2, from a newer Pusher; this one reads version 1/,
    );
    playAStep(store);
    expect(readFileSync(profilePath(dir), 'utf8')).toBe(NEWER_PROFILE);
    expect(readdirSync(dir).filter((f) => f.startsWith('profile'))).toEqual(['profile.json']);
  });

  it('one that turns unreadable during a game: the write is refused with a message, said once', () => {
    const dir = tempDir();
    const store = openGameStore(story, dir, { now: NOW });
    expect(store.note({ choices: ['count'], now: NOW() })).toBeNull();
    writeFileSync(profilePath(dir), NEWER_PROFILE);
    expect(store.note({ choices: ['kitchen.call_your_mother'], now: NOW() })).toMatch(
      /Could not store your progress: your profile cannot be read \(it is a profile of version 2.*\); it is left as it is/,
    );
    expect(store.note({ ending: 'spared', now: NOW() })).toBeNull();
    expect(readFileSync(profilePath(dir), 'utf8')).toBe(NEWER_PROFILE);
  });

  it.skipIf(process.getuid?.() === 0)('no permission to read it: left as it is', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(profilePath(dir), '{"format":"pusher-profile","version":1,"stories":{}}');
    chmodSync(profilePath(dir), 0o000);
    const store = openGameStore(story, dir, { now: NOW });
    expect(store.notices.join('\n')).toMatch(/cannot be read: permission was refused/);
    playAStep(store);
    chmodSync(profilePath(dir), 0o600);
    expect(readFileSync(profilePath(dir), 'utf8')).toBe('{"format":"pusher-profile","version":1,"stories":{}}');
  });
});

describe('an autosave the game cannot load', () => {
  const cases: Array<[string, (good: Record<string, unknown>) => string, RegExp]> = [
    ['damaged', () => '{"format":"pusher-save","vers', /it is not valid JSON/],
    ['of a newer version', (good) => JSON.stringify({ ...good, version: 2 }), /a save of version 2/],
    ['with a choice the same story never had', (good) => JSON.stringify({ ...good, taken: ['nope'] }), /damaged/],
  ];
  for (const [what, make, problem] of cases) {
    it(`${what}: said, not offered, and kept under another name by the first autosave`, () => {
      const dir = tempDir();
      const first = openGameStore(story, dir, { now: NOW });
      first.autosave(run, state);
      const path = join(savesFolder(dir, 'tiny'), 'autosave.json');
      const bad = make(JSON.parse(readFileSync(path, 'utf8')));
      writeFileSync(path, bad);

      const store = openGameStore(story, dir, { now: NOW });
      expect(store.notices.join('\n')).toMatch(/The autosave cannot be loaded: .*It is left as it is/);
      expect(store.notices.join('\n')).toMatch(problem);
      expect(store.autosaveProblem()).toMatch(problem);
      expect(store.unfinished() === null || !store.load('autosave').ok).toBe(true);
      // Quitting now changes nothing.
      expect(readFileSync(path, 'utf8')).toBe(bad);

      const message = store.autosave(run, state);
      expect(message).toMatch(/^The old autosave \(.*\) was kept as 'autosave-unreadable-20250304-050607'\.$/);
      expect(readFileSync(join(savesFolder(dir, 'tiny'), 'autosave-unreadable-20250304-050607.json'), 'utf8')).toBe(
        bad,
      );
      expect(store.load('autosave').ok).toBe(true);
      // Said once: the next autosave just saves.
      expect(store.autosave(run, state)).toBeNull();
    });
  }

  it('a named save the game cannot read is never saved over', () => {
    const dir = tempDir();
    const store = openGameStore(story, dir, { now: NOW });
    mkdirSync(savesFolder(dir, 'tiny'), { recursive: true });
    const path = join(savesFolder(dir, 'tiny'), 'mine.json');
    writeFileSync(path, 'not json');
    expect(store.saveAs('mine', run, state)).toEqual({
      ok: false,
      message:
        "Not saved: 'mine' holds a file this game cannot read (it is not valid JSON (damaged or cut short)); it is left as it is. Choose another name.",
    });
    expect(readFileSync(path, 'utf8')).toBe('not json');
  });
});
