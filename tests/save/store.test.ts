import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openGameStore } from '../../src/save/game-store.js';
import { listSlots, savesFolder, slotPath } from '../../src/save/save-store.js';
import { profilePath, readProfile } from '../../src/save/profile-store.js';
import { emptyProfile, mergeProfiles, recordSighting } from '../../src/save/profile.js';
import { gallery, gallerySummary } from '../../src/save/gallery.js';
import { dataDir } from '../../src/save/data-dir.js';
import { replayRun, type Run } from '../../src/engine/run.js';
import { TINY_SOURCE, storyFrom, tempDir } from './helpers.js';

const story = storyFrom(TINY_SOURCE);
const run: Run = { start: { seed: 5 }, taken: ['count', 'kitchen.call_your_mother'] };
const state = replayRun(story, run).step.state;

describe('where data lives', () => {
  it('is $PUSHER_HOME/data when set, else the platform data folder', () => {
    expect(dataDir({ PUSHER_HOME: '/x/y' })).toBe(join('/x/y', 'data'));
    expect(dataDir({})).toMatch(/pusher/);
  });
});

describe('the save store', () => {
  it('autosaves, saves named slots, lists and loads them', () => {
    const dir = tempDir();
    const store = openGameStore(story, dir);
    expect(store.unfinished()).toBeNull();
    expect(store.autosave(run, state)).toBeNull();
    expect(store.unfinished()?.taken).toEqual(run.taken);
    expect(store.saveAs('before-milo', run, state)).toEqual({ ok: true, message: "Saved as 'before-milo'." });
    expect(store.slots().map((slot) => slot.name)).toEqual(['autosave', 'before-milo']);
    const loaded = store.load('before-milo');
    expect(loaded.ok && loaded.replay.step.state).toEqual(state);
    // No temporary files are left behind.
    expect(readdirSync(savesFolder(dir, 'tiny')).sort()).toEqual(['autosave.json', 'before-milo.json']);
  });

  it('refuses bad names and the autosave slot, writing nothing outside the folder', () => {
    const dir = tempDir();
    const store = openGameStore(story, dir);
    for (const name of ['../x', '/tmp/evil', 'a\0b', 'x'.repeat(300), '..', 'autosave']) {
      expect(store.saveAs(name, run, state).ok, name).toBe(false);
      expect(store.load(name).ok, name).toBe(false);
    }
    expect(existsSync(join(dir, 'saves', 'x.json'))).toBe(false);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    expect(() => slotPath(savesFolder(dir, 'tiny'), '../x')).toThrow(/bad save name/);
  });

  it('an unfinished run is one with a choice taken and no ending', () => {
    const dir = tempDir();
    const store = openGameStore(story, dir);
    store.autosave({ start: run.start, taken: [] }, replayRun(story, { start: run.start, taken: [] }).step.state);
    expect(store.unfinished()).toBeNull();
    const ended: Run = { start: run.start, taken: ['kitchen.hide_under_the_bed_until_it_is_dark'] };
    store.autosave(ended, replayRun(story, ended).step.state);
    expect(store.unfinished()).toBeNull();
  });

  it('a corrupt or foreign save gets a clear message, stays in place, and the others still load', () => {
    const dir = tempDir();
    const store = openGameStore(story, dir);
    store.saveAs('good', run, state);
    const folder = savesFolder(dir, 'tiny');
    writeFileSync(join(folder, 'broken.json'), '{"format": "pusher-save", "vers');
    writeFileSync(join(folder, 'alien.json'), JSON.stringify({ hello: 'world' }));
    const other = JSON.parse(readFileSync(join(folder, 'good.json'), 'utf8'));
    writeFileSync(join(folder, 'other-story.json'), JSON.stringify({ ...other, story: 'someone-else' }));
    writeFileSync(join(folder, '.tmp-good.json.123.abcd'), 'half a fi');
    const slots = listSlots(folder);
    expect(slots.map((slot) => [slot.name, slot.ok])).toEqual([
      ['alien', false],
      ['broken', false],
      ['good', true],
      ['other-story', true],
    ]);
    expect(store.load('broken')).toEqual({
      ok: false,
      problem: "Cannot load 'broken': it is not valid JSON (damaged or cut short).",
    });
    expect(store.load('alien')).toEqual({ ok: false, problem: "Cannot load 'alien': it is not a Pusher save." });
    expect(store.load('other-story')).toMatchObject({
      ok: false,
      problem: expect.stringContaining("belongs to the story 'someone-else'"),
    });
    expect(store.load('good').ok).toBe(true);
    expect(readFileSync(join(folder, 'broken.json'), 'utf8')).toBe('{"format": "pusher-save", "vers');
  });

  it('story ids that are not safe file names still get a folder inside the data folder', () => {
    expect(savesFolder('/d', '../../etc')).toMatch(/^\/d\/saves\/story-[0-9a-f]{16}$/);
  });
});

describe('the profile', () => {
  it('records endings with their first date and every choice, and merges as a union', () => {
    const a = recordSighting(emptyProfile(), 'tiny', {
      choices: ['count'],
      ending: 'beaten',
      now: new Date('2025-02-01T00:00:00Z'),
    });
    const b = recordSighting(emptyProfile(), 'tiny', {
      choices: ['kitchen.call_your_mother'],
      ending: 'beaten',
      now: new Date('2025-01-01T00:00:00Z'),
    });
    const merged = mergeProfiles(a, b);
    expect(merged.stories['tiny']).toMatchObject({
      endings: { beaten: '2025-01-01T00:00:00.000Z' },
      choices: ['count', 'kitchen.call_your_mother'],
    });
    expect(mergeProfiles(merged, merged)).toEqual(merged);
    expect(mergeProfiles(b, a)).toEqual(merged);
    const g = gallery(story, merged.stories['tiny']!);
    expect(g.entries.map((e) => e.title)).toEqual(['Broken Fingers', null, null]);
    expect(gallerySummary(g)).toBe('found 1 of 3 endings, taken 40% of choices');
  });

  it('keeps what two games found, even when both write', () => {
    const dir = tempDir();
    const one = openGameStore(story, dir);
    const two = openGameStore(story, dir);
    one.note({ choices: ['count'], now: new Date() });
    two.note({ ending: 'spared', now: new Date() });
    one.note({ choices: ['kitchen.pay_what_you_have'], now: new Date() });
    const record = readProfile(dir).profile.stories['tiny']!;
    expect(record.choices).toEqual(['count', 'kitchen.pay_what_you_have']);
    expect(Object.keys(record.endings)).toEqual(['spared']);
  });

  it('a corrupt profile is kept aside as a backup and a fresh one started, with a message', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(profilePath(dir), '{"format":"pusher-profile","version":1,"stories":{"tiny":{"endings":');
    const store = openGameStore(story, dir, { now: () => new Date('2025-03-04T05:06:07Z') });
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(
      /could not be read \(it is not valid JSON\)\. It was kept as .*profile\.json\.corrupt-2025-03-04T05-06-07-000Z and a fresh one started\./,
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('profile.json.corrupt-'))).toHaveLength(1);
    expect(store.record()).toEqual({ endings: {}, choices: [], seen: [] });
    store.note({ choices: ['count'], now: new Date() });
    expect(JSON.parse(readFileSync(profilePath(dir), 'utf8')).stories.tiny.choices).toEqual(['count']);
  });
});
