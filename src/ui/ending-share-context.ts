import { createContext } from 'react';

/**
 * Looks up "N% of the ways this week can go end here" for an ending: a share in [0, 1],
 * or null when it is not known yet. The lookup must be instant (the CLI reads a cache);
 * components never compute it, so the ending screen never waits.
 */
export type EndingShareLookup = (endingId: string) => number | null;

export const EndingShareContext = createContext<EndingShareLookup>(() => null);
