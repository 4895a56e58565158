import { createContext } from 'react';

/**
 * The story file as the player named it on the command line, for the ending's replay
 * command; undefined for the shipped story (the command then names no file).
 */
export const ReplayFileContext = createContext<string | undefined>(undefined);
