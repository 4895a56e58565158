import type { Story } from '../story/types.js';
import type { CompiledStory, Machine } from './compiled-story.js';

/** The moves to a state, replayed from the start through the compiled transitions to name their draws. */
export function replayPath(
  story: Story,
  compiled: CompiledStory,
  allChoices: CompiledStory['choices'][number],
  parent: Int32Array,
  viaChoice: Int32Array,
  viaOutcome: Int32Array,
  state: number,
): string[] {
  const chain: number[] = [];
  for (let at = state; at >= 0; at = parent[at]!) chain.push(at);
  chain.reverse();
  const sceneOfChoice: number[] = [];
  compiled.choices.forEach((list, scene) => list.forEach(() => sceneOfChoice.push(scene)));
  const localIndex: number[] = [];
  compiled.choices.forEach((list) => list.forEach((_, i) => localIndex.push(i)));

  let snapshot = { vars: compiled.initial.slice(), clock: story.clockStart, deadlineFired: -1 };
  const moves: string[] = [];
  for (const at of chain) {
    const choice = viaChoice[at]!;
    const wanted = viaOutcome[at]!;
    const script: number[] = [];
    const counts: number[] = [];
    const percents: number[] = [];
    const branches: string[] = [];
    let drawn = 0;
    const m: Machine = {
      vars: new Float64Array(snapshot.vars.length),
      clock: 0,
      eventsDoneAt: 0,
      deadlineFired: -1,
      firedNow: [],
      choose: (options, targets) => {
        const index = script[drawn] ?? 0;
        script[drawn] = index;
        counts[drawn] = options.length;
        percents[drawn] = options[index]!;
        branches[drawn] = compiled.sceneIds[targets[index]!]!;
        drawn++;
        return index;
      },
      entered: null,
    };
    for (let outcome = 0; ; outcome++) {
      drawn = 0;
      m.vars.set(snapshot.vars);
      m.clock = snapshot.clock;
      m.deadlineFired = snapshot.deadlineFired;
      if (choice < 0) compiled.start(m);
      else compiled.take(m, sceneOfChoice[choice]!, localIndex[choice]!);
      if (outcome === wanted) break;
      let position = drawn - 1;
      while (position >= 0 && script[position] === counts[position]! - 1) position--;
      script[position]!++;
      script.length = position + 1;
    }
    snapshot = { vars: m.vars.slice(), clock: m.clock, deadlineFired: m.deadlineFired };
    if (choice < 0) continue;
    const id = allChoices[choice]!.id;
    moves.push(
      drawn
        ? `${id} (chance: ${percents
            .slice(0, drawn)
            .map((p, i) => `${p}% -> ${branches[i]}`)
            .join(', ')})`
        : id,
    );
  }
  return moves;
}
