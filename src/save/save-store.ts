// Save files on disk: one JSON file per slot in a story's saves folder. Every read is
// checked (parseSave) and every problem is about one file: a damaged or foreign file is
// reported and left where it is, and every other slot still loads.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './atomic-file.js';
import { isSlotName, slotNameProblem } from './slot-name.js';
import { parseSave, serialiseSave, type SaveFile } from './save-format.js';
import { MAX_SAVE_BYTES, readRegularFile } from './read-regular-file.js';

/** The saves folder of one story inside the data folder. */
export function savesFolder(dataDir: string, storyId: string): string {
  // Story ids are checked by the parser, but a folder name must never depend on that.
  const safe = isSlotName(storyId)
    ? storyId
    : `story-${createHash('sha256').update(storyId).digest('hex').slice(0, 16)}`;
  return join(dataDir, 'saves', safe);
}

export type SlotRead =
  { ok: true; name: string; save: SaveFile } | { ok: false; name: string; problem: string; missing: boolean };

/** The path of a slot; throws on a name that is not allowed, so no caller can build a bad path. */
export function slotPath(folder: string, name: string): string {
  const problem = slotNameProblem(name);
  if (problem) throw new Error(`bad save name: ${problem}`);
  return join(folder, `${name}.json`);
}

export function writeSlot(folder: string, name: string, save: SaveFile, env?: NodeJS.ProcessEnv): void {
  writeAtomic(slotPath(folder, name), serialiseSave(save), { env });
}

export function readSlot(folder: string, name: string): SlotRead {
  const problem = slotNameProblem(name);
  if (problem) return { ok: false, name, problem, missing: false };
  // Never a FIFO or a device, never more than a save can hold: a slot cannot hang the game.
  const read = readRegularFile(slotPath(folder, name), MAX_SAVE_BYTES);
  if (!read.ok) {
    const problem = read.missing ? 'there is no such save' : read.problem;
    return { ok: false, name, problem, missing: read.missing };
  }
  const text = read.text;
  const parsed = parseSave(text);
  return parsed.ok
    ? { ok: true, name, save: parsed.save }
    : { ok: false, name, problem: parsed.problem, missing: false };
}

/**
 * Renames a slot the game cannot read to a new slot name (`autosave-unreadable-20250304-050607`),
 * so it is kept and listed, and returns that name. Throws when it cannot.
 */
export function moveSlotAside(folder: string, name: string, prefix: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  for (let n = 1; ; n++) {
    const aside = n === 1 ? `${prefix}-${stamp}` : `${prefix}-${stamp}-${n}`;
    const target = slotPath(folder, aside);
    if (existsSync(target)) continue;
    renameSync(slotPath(folder, name), target);
    return aside;
  }
}

/** Every slot in the folder, readable or not, by name; temporary files and strays are skipped. */
export function listSlots(folder: string): SlotRead[] {
  let files: string[];
  try {
    files = readdirSync(folder);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith('.json') && isSlotName(file.slice(0, -5)))
    .map((file) => readSlot(folder, file.slice(0, -5)))
    .sort((a, b) => a.name.localeCompare(b.name));
}
