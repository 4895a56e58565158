import type { Story } from '../story/types.js';
import type { Replay } from '../engine/replay.js';
import { replayRun, type Run } from '../engine/run.js';
import { runOfSave, type SaveFile } from './save-format.js';

export type LoadedSave = { ok: true; run: Run; replay: Replay; notice: string | null } | { ok: false; problem: string };

/**
 * Loads a save by replaying its choices. A save of another story is refused; a save whose
 * story has been edited loads up to the last choice that still exists, and says so.
 */
export function loadSave(story: Story, fingerprint: string, save: SaveFile): LoadedSave {
  if (save.story !== story.id)
    return { ok: false, problem: `it belongs to the story '${save.story}', not '${story.id}'` };
  const recorded = runOfSave(save);
  if (recorded.start.from !== undefined && !story.scenes[recorded.start.from]) {
    return { ok: false, problem: `it starts at the scene '${recorded.start.from}', which the story no longer has` };
  }
  const replayed = replayRun(story, recorded);
  const run: Run = { start: recorded.start, taken: recorded.taken.slice(0, replayed.applied) };
  if (replayed.applied === recorded.taken.length) {
    const notice =
      save.fingerprint === fingerprint
        ? null
        : 'The story has changed since this save; every choice in it still works.';
    return { ok: true, run, replay: replayed, notice };
  }
  const total = recorded.taken.length;
  const notice =
    `The story has changed since this save: choice ${replayed.applied + 1} of ${total} ('${recorded.taken[replayed.applied]}') ` +
    `no longer works (${replayed.stoppedBecause}). Loaded up to the last valid point, after ${replayed.applied} choice${replayed.applied === 1 ? '' : 's'}.`;
  return { ok: true, run, replay: replayed, notice };
}
