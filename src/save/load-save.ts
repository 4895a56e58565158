import type { Story } from '../story/types.js';
import type { Replay } from '../engine/replay.js';
import { replayRun, type Run } from '../engine/run.js';
import { assignmentProblem } from '../story/assignment-problem.js';
import { runOfSave, type SaveFile } from './save-format.js';

export type LoadedSave = { ok: true; run: Run; replay: Replay; notice: string | null } | { ok: false; problem: string };

/**
 * Loads a save by replaying its choices. A save of another story is refused, and so is a
 * start the story cannot hold (checked as `--set` is). A save whose story has been edited
 * loads up to the last choice that still exists, and says so; a save of this very story
 * (same fingerprint) whose choices do not replay was not written by the game: it is damaged.
 */
export function loadSave(story: Story, fingerprint: string, save: SaveFile): LoadedSave {
  if (save.story !== story.id)
    return { ok: false, problem: `it belongs to the story '${save.story}', not '${story.id}'` };
  const same = save.fingerprint === fingerprint;
  const refuse = (problem: string): LoadedSave => ({
    ok: false,
    problem: same ? `it is damaged: ${problem}` : `the story has changed since this save: ${problem}`,
  });
  const recorded = runOfSave(save);
  if (recorded.start.from !== undefined && !story.scenes[recorded.start.from]) {
    return refuse(`it starts at the scene '${recorded.start.from}', which the story does not have`);
  }
  for (const [name, value] of Object.entries(recorded.start.set ?? {})) {
    const problem = assignmentProblem(name, value, story.vars);
    if (problem) return refuse(`its start cannot be played (${problem})`);
  }
  const replayed = replayRun(story, recorded);
  const run: Run = { start: recorded.start, taken: recorded.taken.slice(0, replayed.applied) };
  const total = recorded.taken.length;
  const failed = `choice ${replayed.applied + 1} of ${total} ('${recorded.taken[replayed.applied]}')`;
  if (replayed.applied < total && same) return refuse(`${failed} cannot be taken (${replayed.stoppedBecause})`);
  if (replayed.applied === total) {
    const notice = same ? null : 'The story has changed since this save; every choice in it still works.';
    return { ok: true, run, replay: replayed, notice };
  }
  const notice =
    `The story has changed since this save: ${failed} ` +
    `no longer works (${replayed.stoppedBecause}). Loaded up to the last valid point, after ${replayed.applied} choice${replayed.applied === 1 ? '' : 's'}.`;
  return { ok: true, run, replay: replayed, notice };
}
