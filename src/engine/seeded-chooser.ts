import type { ChanceChooser } from './game-state.js';
import { pickByPercent, unitDraw } from './seeded-draw.js';

/** The chooser used in play: each draw fixed by (seed, container, visit, ordinal). */
export const seededChooser: ChanceChooser = (percents, key) =>
  pickByPercent(percents, unitDraw(key.seed, key.container, key.visit, key.ordinal));
