/**
 * Slot names become file names inside the saves folder, so they are held to a small safe
 * alphabet: no separators, no dots at the start (no `..`, no hidden files), no NUL, no
 * control characters, and a length every file system accepts. Nothing a player types can
 * name a path outside the data folder.
 */
export const MAX_SLOT_LENGTH = 40;
const SAFE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The autosave's slot: written after every choice, never by hand. */
export const AUTOSAVE_SLOT = 'autosave';

/** Why a slot name is refused, or null when it is fine. */
export function slotNameProblem(name: string): string | null {
  if (name.length === 0) return 'a save needs a name';
  if (name.length > MAX_SLOT_LENGTH) return `a save name has at most ${MAX_SLOT_LENGTH} characters`;
  if (!SAFE.test(name)) return 'a save name uses only letters, digits, - and _, and starts with a letter or digit';
  // Windows reserves these names in every folder.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) return `'${name}' is reserved by some systems`;
  return null;
}

export function isSlotName(name: string): boolean {
  return slotNameProblem(name) === null;
}
