// Everything a game keeps between sittings, for one story: autosave, named slots and the
// profile. The players (Ink and plain) talk to this; it turns file trouble into messages,
// because a full disk must never end a game.
import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { storyFingerprint } from '../story/story-fingerprint.js';
import { loadSave, type LoadedSave } from './load-save.js';
import { makeSave, type SaveFile } from './save-format.js';
import { listSlots, readSlot, savesFolder, writeSlot, type SlotRead } from './save-store.js';
import { mergeIntoProfile, readProfile } from './profile-store.js';
import { recordOf, recordSighting, emptyProfile, type Profile, type Sighting, type StoryRecord } from './profile.js';
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
}

export interface StoreOptions {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export function openGameStore(story: Story, dataDir: string, options: StoreOptions = {}): GameStore {
  const now = options.now ?? (() => new Date());
  const fingerprint = storyFingerprint(story);
  const folder = savesFolder(dataDir, story.id);
  const read = readProfile(dataDir, now());
  let profile: Profile = read.profile;
  // What this game has added, merged into the file on every write so other games' finds survive.
  let mine: Profile = emptyProfile();
  const notices = read.notice ? [read.notice] : [];
  const write = (name: string, run: Run, state: GameState) =>
    writeSlot(folder, name, makeSave(story, fingerprint, run, state, now()), options.env);

  return {
    story,
    notices,
    record: () => recordOf(profile, story.id),
    note(sighting) {
      mine = recordSighting(mine, story.id, sighting);
      profile = recordSighting(profile, story.id, sighting);
      try {
        profile = mergeIntoProfile(dataDir, mine, options.env);
        return null;
      } catch (error) {
        return `Could not store your progress: ${(error as Error).message}`;
      }
    },
    autosave(run, state) {
      try {
        write(AUTOSAVE_SLOT, run, state);
        return null;
      } catch (error) {
        return `Could not autosave: ${(error as Error).message}`;
      }
    },
    saveAs(name, run, state) {
      const problem = slotNameProblem(name);
      if (problem) return { ok: false, message: `Not saved: ${problem}.` };
      if (name === AUTOSAVE_SLOT)
        return { ok: false, message: `Not saved: '${AUTOSAVE_SLOT}' is kept for the autosave.` };
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
  };
}
