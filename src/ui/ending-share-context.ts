import { createContext } from 'react';

/**
 * Looks up the ending screen's line about how often the week ends here ("N% of the ways
 * this week can go end here"), or null when it is not known yet. The lookup must be
 * instant (the CLI reads a cache); components never compute it, so the screen never waits.
 */
export type EndingShareLookup = (endingId: string) => string | null;

export const EndingShareContext = createContext<EndingShareLookup>(() => null);
