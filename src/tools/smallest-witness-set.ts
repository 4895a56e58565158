import type { Story } from '../story/types.js';
import { coverageTargets, emptyCoverage, type Coverage } from './coverage.js';
import { replayWitness } from './replay-witness.js';
import type { Witness } from './witness-run.js';

/**
 * A few runs that together show everything `coverage` shows. A search credits each scene,
 * ending and door to the first run that showed it, so it holds hundreds of overlapping
 * runs; replaying each says all it shows, and a greedy set cover keeps the run that shows
 * the most still unshown until nothing is left (within a small factor of the fewest).
 */
export function smallestWitnessSet(story: Story, coverage: Coverage): Witness[] {
  const candidates = distinct([...coverageTargets(coverage).values(), ...coverage.stuck]);
  const shows = candidates.map((witness) => {
    const seen = emptyCoverage();
    replayWitness(story, witness, seen);
    return { witness, targets: new Set(coverageTargets(seen).keys()) };
  });
  const unshown = new Set(shows.flatMap((entry) => [...entry.targets]));
  const chosen: Witness[] = [];
  while (unshown.size > 0) {
    let best = shows[0]!;
    let bestGain = -1;
    for (const entry of shows) {
      let gain = 0;
      for (const target of entry.targets) if (unshown.has(target)) gain++;
      if (gain > bestGain) {
        best = entry;
        bestGain = gain;
      }
    }
    if (bestGain <= 0) break;
    chosen.push(best.witness);
    for (const target of best.targets) unshown.delete(target);
  }
  return chosen;
}

function distinct(witnesses: Witness[]): Witness[] {
  const byKey = new Map<string, Witness>();
  for (const witness of witnesses) byKey.set(JSON.stringify(witness), witness);
  return [...byKey.values()];
}
