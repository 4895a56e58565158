// The profile on disk. Several games may run at once on one data folder, so every update
// is a read-merge-write under a lock file (file-lock.ts): no game's finds overwrite
// another's. A damaged profile is never silently overwritten: it is moved aside as a
// backup, with a message. One the game cannot read at all (permissions, a folder in its
// place, a newer game's version) is left exactly as it is and never written.
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './atomic-file.js';
import { withFileLock } from './file-lock.js';
import { MAX_PROFILE_BYTES, readRegularFile } from './read-regular-file.js';
import { emptyProfile, mergeProfiles, parseProfile, serialiseProfile, type Profile } from './profile.js';

export function profilePath(dataDir: string): string {
  return join(dataDir, 'profile.json');
}

export interface ProfileRead {
  profile: Profile;
  /** what to tell the player: the profile was moved aside, or cannot be read */
  notice: string | null;
  /** false when the file on disk must be left alone: this game keeps no finds */
  writable: boolean;
}

type Found =
  | { kind: 'ok'; profile: Profile }
  | { kind: 'damaged'; problem: string }
  /** cannot be read and must not be replaced: permissions, not a file, a newer version */
  | { kind: 'kept'; problem: string };

function inspect(path: string): Found {
  const read = readRegularFile(path, MAX_PROFILE_BYTES);
  if (!read.ok) return read.missing ? { kind: 'ok', profile: emptyProfile() } : { kind: 'kept', problem: read.problem };
  const parsed = parseProfile(read.text);
  if (parsed.ok) return { kind: 'ok', profile: parsed.profile };
  return parsed.newer ? { kind: 'kept', problem: parsed.problem } : { kind: 'damaged', problem: parsed.problem };
}

/** The profile as it is on disk, changing nothing (`pusher endings`). */
export function readProfile(dataDir: string): ProfileRead {
  const path = profilePath(dataDir);
  const found = inspect(path);
  if (found.kind === 'ok') return { profile: found.profile, notice: null, writable: true };
  return {
    profile: emptyProfile(),
    notice: `Your profile (${path}) cannot be read: ${found.problem}. It is left as it is.`,
    writable: found.kind === 'damaged',
  };
}

/**
 * The profile for a game. A damaged one is moved aside (under the lock, so two games never
 * move each other's fresh profile) and a fresh one started; one that cannot be read is left
 * in place, and the game keeps no finds rather than overwrite it.
 */
export function openProfile(dataDir: string, now: Date): ProfileRead {
  const path = profilePath(dataDir);
  const found = inspect(path);
  if (found.kind === 'ok') return { profile: found.profile, notice: null, writable: true };
  if (found.kind === 'kept') return keptNotice(path, found.problem);
  try {
    mkdirSync(dataDir, { recursive: true });
    return withFileLock(lockPath(dataDir), () => {
      const again = inspect(path);
      if (again.kind === 'ok') return { profile: again.profile, notice: null, writable: true };
      if (again.kind === 'kept') return keptNotice(path, again.problem);
      return { profile: emptyProfile(), notice: moveAside(path, again.problem, now), writable: true };
    });
  } catch (error) {
    return {
      profile: emptyProfile(),
      notice: `Your profile (${path}) cannot be read (${found.problem}) and could not be moved aside (${(error as Error).message}). It is left as it is, and what you find in this game is not kept.`,
      writable: false,
    };
  }
}

/**
 * Adds `update` to what is on disk (other games may have written since) and stores the
 * union, holding the lock from the read to the rename. Throws when it cannot (a full disk,
 * a profile it cannot read, which it then leaves alone).
 */
export function mergeIntoProfile(
  dataDir: string,
  update: Profile,
  env?: NodeJS.ProcessEnv,
  now: Date = new Date(),
): { profile: Profile; notice: string | null } {
  const path = profilePath(dataDir);
  mkdirSync(dataDir, { recursive: true });
  return withFileLock(lockPath(dataDir), () => {
    const found = inspect(path);
    if (found.kind === 'kept') throw new Error(`your profile cannot be read (${found.problem}); it is left as it is`);
    const notice = found.kind === 'damaged' ? moveAside(path, found.problem, now) : null;
    const merged = mergeProfiles(found.kind === 'ok' ? found.profile : emptyProfile(), update);
    writeAtomic(path, serialiseProfile(merged), { env });
    return { profile: merged, notice };
  });
}

function lockPath(dataDir: string): string {
  return `${profilePath(dataDir)}.lock`;
}

function keptNotice(path: string, problem: string): ProfileRead {
  return {
    profile: emptyProfile(),
    notice: `Your profile (${path}) cannot be read: ${problem}. It is left as it is, and what you find in this game is not kept.`,
    writable: false,
  };
}

/** Renames a damaged profile to a backup beside it; the message says where. Throws when it cannot. */
function moveAside(path: string, problem: string, now: Date): string {
  const backup = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, backup);
  return `Your profile could not be read (${problem}). It was kept as ${backup} and a fresh one started.`;
}
