import type { Story } from '../story/types.js';
import type { Coverage } from '../tools/coverage.js';
import { searchWitnesses } from '../tools/witness-search.js';
import { smallestWitnessSet } from '../tools/smallest-witness-set.js';
import { formatWitnessFile } from '../tools/witness-file.js';
import { writeOutputFile } from './write-output-file.js';

/**
 * `check --save-witnesses`: writes the fewest runs that show what the proof's runs showed.
 * A story proved by walking every state has no runs of its own, so a search makes them.
 * Returns how many runs were written.
 */
export function saveWitnesses(
  path: string,
  story: Story,
  coverage: Coverage | null,
  search: { walks: number; seed: number },
): number {
  const shown = coverage ?? searchWitnesses(story, search.walks, search.seed);
  const runs = smallestWitnessSet(story, shown);
  writeOutputFile(path, formatWitnessFile(story.id, runs));
  return runs.length;
}
