// Everything a game keeps between sittings, for one story: autosave, named slots and the
// profile. The players (Ink and plain) talk to this; it turns file trouble into messages,
// because a full disk must never end a game.
import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { storyFingerprint } from '../story/story-fingerprint.js';
import { loadSave, type LoadedSave } from './load-save.js';
import { makeSave, type SaveFile } from './save-format.js';
import { listSlots, moveSlotAside, readSlot, savesFolder, writeSlot, type SlotRead } from './save-store.js';
import { mergeIntoProfile, openProfile } from './profile-store.js';
import {
  addsToProfile,
  recordOf,
  recordSighting,
  emptyProfile,
  type Profile,
  type Sighting,
  type StoryRecord,
} from './profile.js';
import { AUTOSAVE_SLOT, slotNameProblem } from './slot-name.js';
import type { Run } from '../engine/run.js';

export interface GameStore {
  readonly story: Story;
  /** things to tell the player once, at the start (a damaged profile moved aside) */
  readonly notices: string[];
  /** what the profile knows about this story */
  record(): StoryRecord;
  /** adds what was just seen to the profile; a message when it could not be stored */
  note(sighting: Sighting): string | null;
  /** stores the run in the autosave slot; a message when it could not */
  autosave(run: Run, state: GameState): string | null;
  /** stores the run in a named slot; a message saying where, or what went wrong */
  saveAs(name: string, run: Run, state: GameState): { ok: boolean; message: string };
  load(name: string): LoadedSave;
  slots(): SlotRead[];
  /** the autosave, when it holds a run that has not ended */
  unfinished(): SaveFile | null;
  /** why the autosave cannot be loaded, when there is one and it cannot */
  autosaveProblem(): string | null;
}

export interface StoreOptions {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export function openGameStore(story: Story, dataDir: string, options: StoreOptions = {}): GameStore {
  const now = options.now ?? (() => new Date());
  const fingerprint = storyFingerprint(story);
  const folder = savesFolder(dataDir, story.id);
  const opened = openProfile(dataDir, now());
  let profile: Profile = opened.profile;
  // What this game has added, merged into the file on every write so other games' finds survive.
  let mine: Profile = emptyProfile();
  // A write that failed is tried again at the next step, even when that step adds nothing.
  let unwritten = false;
  // The same trouble is said once, not after every step.
  let lastProblem: string | null = null;
  const once = (message: string | null) => {
    const fresh = message !== null && message !== lastProblem;
    lastProblem = message;
    return fresh ? message : null;
  };
  const notices = opened.notice ? [opened.notice] : [];
  // An autosave this game cannot load is moved aside before the first autosave, never overwritten.
  let autosaveTrouble = troubleOf(AUTOSAVE_SLOT);
  if (autosaveTrouble)
    notices.push(
      `The autosave cannot be loaded: ${autosaveTrouble}. It is left as it is; this game's first autosave keeps it under another name.`,
    );
  const write = (name: string, run: Run, state: GameState) =>
    writeSlot(folder, name, makeSave(story, fingerprint, run, state, now()), options.env);

  function troubleOf(name: string): string | null {
    const slot = readSlot(folder, name);
    if (!slot.ok) return slot.missing ? null : slot.problem;
    const loaded = loadSave(story, fingerprint, slot.save);
    return loaded.ok ? null : loaded.problem;
  }

  /** Moves an autosave this game cannot load out of the way; the message says where. */
  function keepOldAutosave(): string | null {
    if (!autosaveTrouble) return null;
    // Another game may have written a good autosave since: that one is simply replaced.
    const problem = troubleOf(AUTOSAVE_SLOT);
    autosaveTrouble = null;
    if (!problem) return null;
    const aside = moveSlotAside(folder, AUTOSAVE_SLOT, `${AUTOSAVE_SLOT}-unreadable`, now());
    return `The old autosave (${problem}) was kept as '${aside}'.`;
  }

  return {
    story,
    notices,
    record: () => recordOf(profile, story.id),
    note(sighting) {
      const news = addsToProfile(profile, story.id, sighting);
      mine = recordSighting(mine, story.id, sighting);
      profile = recordSighting(profile, story.id, sighting);
      // A profile this game cannot read is never written; the notice at the start said so.
      if (!opened.writable || (!news && !unwritten)) return null;
      try {
        const merged = mergeIntoProfile(dataDir, mine, options.env, now());
        profile = merged.profile;
        unwritten = false;
        return once(merged.notice);
      } catch (error) {
        unwritten = true;
        return once(`Could not store your progress: ${(error as Error).message}`);
      }
    },
    autosave(run, state) {
      let kept: string | null;
      try {
        kept = keepOldAutosave();
      } catch (error) {
        autosaveTrouble = 'it could not be moved aside';
        return `Could not autosave: the old autosave cannot be loaded and could not be moved aside (${(error as Error).message}).`;
      }
      try {
        write(AUTOSAVE_SLOT, run, state);
        return kept;
      } catch (error) {
        return [kept, `Could not autosave: ${(error as Error).message}`].filter(Boolean).join(' ');
      }
    },
    saveAs(name, run, state) {
      const problem = slotNameProblem(name);
      if (problem) return { ok: false, message: `Not saved: ${problem}.` };
      if (name === AUTOSAVE_SLOT)
        return { ok: false, message: `Not saved: '${AUTOSAVE_SLOT}' is kept for the autosave.` };
      const old = readSlot(folder, name);
      if (!old.ok && !old.missing)
        return {
          ok: false,
          message: `Not saved: '${name}' holds a file this game cannot read (${old.problem}); it is left as it is. Choose another name.`,
        };
      try {
        write(name, run, state);
        return { ok: true, message: `Saved as '${name}'.` };
      } catch (error) {
        return { ok: false, message: `Not saved: ${(error as Error).message}` };
      }
    },
    load(name) {
      const slot = readSlot(folder, name);
      if (!slot.ok) return { ok: false, problem: `Cannot load '${name}': ${slot.problem}.` };
      const loaded = loadSave(story, fingerprint, slot.save);
      return loaded.ok
        ? loaded
        : { ok: false, problem: `Cannot load '${name}': ${loaded.problem}. The file is left as it is.` };
    },
    slots: () => listSlots(folder),
    unfinished() {
      const slot = readSlot(folder, AUTOSAVE_SLOT);
      return slot.ok && slot.save.story === story.id && slot.save.ending === null && slot.save.taken.length > 0
        ? slot.save
        : null;
    },
    autosaveProblem: () => troubleOf(AUTOSAVE_SLOT),
  };
}
