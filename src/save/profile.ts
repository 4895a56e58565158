// The profile: what the player has found across every run, per story. Pure data and pure
// functions; profile-store.ts reads and writes it. Two games may run at once, so a write
// merges with what is on disk under a lock (mergeProfiles is a union, order-free and idempotent).
import { createHash } from 'node:crypto';

export const PROFILE_FORMAT = 'pusher-profile';
export const PROFILE_VERSION = 1;

export interface StoryRecord {
  /** ending id → ISO date it was first reached */
  endings: Record<string, string>;
  /** every choice id ever taken, sorted */
  choices: string[];
  /** short hashes of every paragraph ever shown, sorted */
  seen: string[];
}

export interface Profile {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  stories: Record<string, StoryRecord>;
}

export function emptyProfile(): Profile {
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, stories: {} };
}

export function emptyRecord(): StoryRecord {
  return { endings: {}, choices: [], seen: [] };
}

export function recordOf(profile: Profile, storyId: string): StoryRecord {
  return profile.stories[storyId] ?? emptyRecord();
}

/** A paragraph's key in `seen`: short, so a long story's profile stays small. */
export function paragraphKey(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** What one step of play adds to the profile. */
export interface Sighting {
  choices?: string[];
  paragraphs?: string[];
  ending?: string | null;
  now: Date;
}

export function recordSighting(profile: Profile, storyId: string, sighting: Sighting): Profile {
  const old = recordOf(profile, storyId);
  const endings = { ...old.endings };
  if (sighting.ending && !endings[sighting.ending]) endings[sighting.ending] = sighting.now.toISOString();
  const record: StoryRecord = {
    endings,
    choices: union(old.choices, sighting.choices ?? []),
    seen: union(old.seen, (sighting.paragraphs ?? []).map(paragraphKey)),
  };
  return { ...profile, stories: { ...profile.stories, [storyId]: record } };
}

/** Whether the sighting tells the profile anything it does not know yet. */
export function addsToProfile(profile: Profile, storyId: string, sighting: Sighting): boolean {
  const record = recordOf(profile, storyId);
  if (sighting.ending && !record.endings[sighting.ending]) return true;
  const choices = new Set(record.choices);
  if ((sighting.choices ?? []).some((id) => !choices.has(id))) return true;
  const seen = new Set(record.seen);
  return (sighting.paragraphs ?? []).some((text) => !seen.has(paragraphKey(text)));
}

/** Everything either profile knows; an ending keeps the earlier of its two dates. */
export function mergeProfiles(a: Profile, b: Profile): Profile {
  const stories: Record<string, StoryRecord> = {};
  for (const id of new Set([...Object.keys(a.stories), ...Object.keys(b.stories)])) {
    const x = recordOf(a, id);
    const y = recordOf(b, id);
    const endings: Record<string, string> = { ...x.endings };
    for (const [ending, date] of Object.entries(y.endings)) {
      const known = endings[ending];
      if (known === undefined || date < known) endings[ending] = date;
    }
    stories[id] = { endings, choices: union(x.choices, y.choices), seen: union(x.seen, y.seen) };
  }
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, stories };
}

/** True when every paragraph has been shown before, in this run or another. */
export function allSeen(record: StoryRecord, paragraphs: string[]): boolean {
  if (paragraphs.length === 0) return false;
  const seen = new Set(record.seen);
  return paragraphs.every((text) => seen.has(paragraphKey(text)));
}

/** The choice ids at hand that no run has ever taken. */
export function newChoices(record: StoryRecord, ids: string[]): Set<string> {
  const taken = new Set(record.choices);
  return new Set(ids.filter((id) => !taken.has(id)));
}

export function serialiseProfile(profile: Profile): string {
  return `${JSON.stringify(profile)}\n`;
}

export type ParsedProfile =
  | { ok: true; profile: Profile }
  /** `newer`: written by a later version of the game, which must find it as it left it */
  | { ok: false; problem: string; newer: boolean };

/** The profile in a file's text, or why it cannot be read. */
export function parseProfile(text: string): ParsedProfile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not valid JSON', newer: false };
  }
  const object = data as Partial<Profile> | null;
  if (object && typeof object === 'object' && object.format === PROFILE_FORMAT && typeof object.version === 'number') {
    if (object.version > PROFILE_VERSION) {
      const problem = `it is a profile of version ${object.version}, from a newer Pusher; this one reads version ${PROFILE_VERSION}`;
      return { ok: false, problem, newer: true };
    }
  }
  if (!object || typeof object !== 'object' || object.format !== PROFILE_FORMAT || object.version !== PROFILE_VERSION) {
    return { ok: false, problem: 'it is not a Pusher profile this game can read', newer: false };
  }
  if (!object.stories || typeof object.stories !== 'object')
    return { ok: false, problem: 'it has no stories', newer: false };
  for (const record of Object.values(object.stories)) {
    if (!isRecord(record)) return { ok: false, problem: 'a story in it is damaged', newer: false };
  }
  return { ok: true, profile: object as Profile };
}

function isRecord(value: unknown): value is StoryRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  const endings = record['endings'];
  return (
    strings(record['choices']) &&
    strings(record['seen']) &&
    typeof endings === 'object' &&
    endings !== null &&
    Object.values(endings).every((date) => typeof date === 'string')
  );
}

function union(a: string[], b: string[]): string[] {
  if (b.every((item) => a.includes(item))) return a;
  return [...new Set([...a, ...b])].sort();
}
