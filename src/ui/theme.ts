import type { Danger } from '../present/meter-danger.js';

// Colour names go through Ink's <Text color>, which uses chalk: with chalk's level at 0
// (--no-color, NO_COLOR) they vanish and the words alone carry the meaning.
export const DANGER_COLOUR: Record<Danger, string> = { calm: 'green', warn: 'yellow', danger: 'red' };
export const ACCENT = 'cyan';
export const BAD = 'red';
export const GOOD = 'green';

/** How a screen reader should hear the danger of a meter. */
export const DANGER_WORDS: Record<Danger, string> = { calm: '', warn: ', getting close', danger: ', dangerous' };
