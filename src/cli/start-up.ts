/**
 * What the boot (src/cli/boot.ts) hands the commands it starts: the code cache of the
 * commands' own script, to be saved once a game is under way (src/cli/play-command.ts). A
 * game is the start that must be quick, so its run decides what the cache holds.
 */
export interface StartUp {
  /** Writes the commands' code cache when this start had no usable one; never throws. */
  saveCodeCache(): void;
}

/** For the commands run without the boot (tests, the sources): nothing to save. */
export const NO_START_UP: StartUp = { saveCodeCache: () => undefined };
