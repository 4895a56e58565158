// The profile on disk. A damaged profile is never silently overwritten: it is moved aside
// as a backup, a fresh one is started, and the caller gets a message to show.
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './atomic-file.js';
import { emptyProfile, mergeProfiles, parseProfile, serialiseProfile, type Profile } from './profile.js';

export function profilePath(dataDir: string): string {
  return join(dataDir, 'profile.json');
}

export interface ProfileRead {
  profile: Profile;
  /** set when a damaged profile was moved aside */
  notice: string | null;
}

export function readProfile(dataDir: string, now: Date = new Date()): ProfileRead {
  const path = profilePath(dataDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { profile: emptyProfile(), notice: null };
  }
  const parsed = parseProfile(text);
  if (parsed.ok) return { profile: parsed.profile, notice: null };
  const backup = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, backup);
  } catch {
    return {
      profile: emptyProfile(),
      notice: `Your profile (${path}) could not be read (${parsed.problem}) and could not be moved aside; starting afresh for now.`,
    };
  }
  return {
    profile: emptyProfile(),
    notice: `Your profile could not be read (${parsed.problem}). It was kept as ${backup} and a fresh one started.`,
  };
}

/** Adds `update` to what is on disk (another game may have written since) and stores the union. */
export function mergeIntoProfile(dataDir: string, update: Profile, env?: NodeJS.ProcessEnv): Profile {
  const merged = mergeProfiles(readProfile(dataDir).profile, update);
  writeAtomic(profilePath(dataDir), serialiseProfile(merged), { env });
  return merged;
}
