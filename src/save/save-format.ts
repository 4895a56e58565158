// The save file: what a run is (story, seed, start, choice ids), plus a little about where
// it stands, so `pusher saves` can describe it without replaying. Loading never trusts the
// description: it replays the choices through the engine.
import type { Story, Value } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import type { Run } from '../engine/run.js';
import { isPlainObject, parseEnvelope } from '../text/parse-envelope.js';

export const SAVE_FORMAT = 'pusher-save';
export const SAVE_VERSION = 1;

export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  /** the story's @id */
  story: string;
  /** the story's fingerprint when saved: a different one means the story was edited */
  fingerprint: string;
  seed: number;
  from?: string;
  set?: Record<string, Value>;
  taken: string[];
  /** ISO time of the save */
  savedAt: string;
  /** where the run stood, for listings */
  scene: string;
  clock: number;
  ending: string | null;
}

export function makeSave(story: Story, fingerprint: string, run: Run, state: GameState, now: Date): SaveFile {
  const save: SaveFile = {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    story: story.id,
    fingerprint,
    seed: run.start.seed,
    taken: [...run.taken],
    savedAt: now.toISOString(),
    scene: state.scene,
    clock: state.clock,
    ending: state.ending,
  };
  if (run.start.from !== undefined) save.from = run.start.from;
  if (run.start.set !== undefined && Object.keys(run.start.set).length) save.set = run.start.set;
  return save;
}

export function serialiseSave(save: SaveFile): string {
  return `${JSON.stringify(save, null, 2)}\n`;
}

export type ParsedSave = { ok: true; save: SaveFile } | { ok: false; problem: string };

/** Reads a save's text; anything that is not exactly a save says what is wrong with it. */
export function parseSave(text: string): ParsedSave {
  const envelope = parseEnvelope(text, SAVE_FORMAT, SAVE_VERSION, 'save');
  if (!envelope.ok) return envelope;
  const data = envelope.data;
  const problem = fieldProblem(data);
  if (problem) return { ok: false, problem };
  return { ok: true, save: data as unknown as SaveFile };
}

function fieldProblem(data: Record<string, unknown>): string | null {
  const strings = ['story', 'fingerprint', 'savedAt', 'scene'];
  for (const key of strings) if (typeof data[key] !== 'string') return `its '${key}' is missing or not text`;
  if (!Number.isSafeInteger(data['seed']) || (data['seed'] as number) < 0) return "its 'seed' is not a whole number";
  if (!Number.isSafeInteger(data['clock'])) return "its 'clock' is not a whole number";
  if (data['ending'] !== null && typeof data['ending'] !== 'string') return "its 'ending' is not text";
  if (!Array.isArray(data['taken']) || data['taken'].some((id) => typeof id !== 'string'))
    return "its 'taken' is not a list of choice ids";
  if (data['from'] !== undefined && typeof data['from'] !== 'string') return "its 'from' is not text";
  const set = data['set'];
  if (
    set !== undefined &&
    (!isPlainObject(set) || Object.values(set).some((v) => typeof v !== 'number' && typeof v !== 'boolean'))
  ) {
    return "its 'set' is not a list of values";
  }
  return null;
}

/** The run a save records. */
export function runOfSave(save: SaveFile): Run {
  const start: Run['start'] = { seed: save.seed };
  if (save.from !== undefined) start.from = save.from;
  if (save.set !== undefined) start.set = save.set;
  return { start, taken: [...save.taken] };
}
