import type { Story } from '../story/types.js';
import { compileStory, Unsupported, type CompiledStory, type Machine } from './compiled-story.js';
import { liveVariablesOf } from './state-key.js';
import { StateLayer } from './state-layer.js';
import { packState, stateLayouts, unpackState } from './state-packing.js';
import { primeFactors } from './odds-vector.js';
import { replayPath } from './sweep-path.js';
import { sweepByEngine } from './sweep-by-engine.js';
import { fraction } from './fraction.js';

export type { SweepOdds, SweepOptions, SweepProgress, SweepResult } from './sweep-result.js';
import type { SweepOdds, SweepOptions, SweepResult } from './sweep-result.js';

const U = 2 ** -53;

/**
 * Walks every reachable state, merging states that play the same (state-key.ts), in clock
 * order. Every choice costs time, so a state's predecessors all have earlier clocks: once
 * the sweep reaches a clock, everything that can lead into its states has been swept, and
 * route counts and probabilities can flow forward in one pass. Only the states of clocks
 * not yet swept wait in memory, packed (state-layer.ts); a swept clock is forgotten.
 * Transitions run compiled (compiled-story.ts); a story using a construct the compiler does
 * not know is walked by the engine (explore-states.ts) instead, with the same results.
 */
export function sweepStates(story: Story, options: SweepOptions): SweepResult {
  let compiled: CompiledStory;
  try {
    compiled = compileStory(story, liveVariablesOf(story));
    return sweepCompiled(story, compiled, options);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return sweepByEngine(story, options);
  }
}

class Powers {
  private readonly table: bigint[][];
  constructor(readonly primes: number[]) {
    this.table = primes.map((p) => [1n, BigInt(p)]);
  }
  of(prime: number, exponent: number): bigint {
    const row = this.table[prime]!;
    while (row.length <= exponent) row.push(row[row.length - 1]! * BigInt(this.primes[prime]!));
    return row[exponent]!;
  }
}

function sweepCompiled(story: Story, compiled: CompiledStory, options: SweepOptions): SweepResult {
  const { maxStates } = options;
  const withOdds = options.odds === true;
  const exact = withOdds && options.exact !== false;
  const withPaths = options.paths === true;
  const sceneCount = compiled.sceneIds.length;
  const endings = compiled.endingIds.length;
  const width = endings + 1;
  const stuckSlot = endings;

  // Denominators are products of choice counts and powers of 100: kept as prime exponents.
  const choiceCounts = new Set<number>([100]);
  for (const list of compiled.choices) for (let k = 1; k <= list.length; k++) choiceCounts.add(k);
  const primeList = [...new Set([...choiceCounts].flatMap((n) => [...primeFactors(n).keys()]))].sort((a, b) => a - b);
  const P = primeList.length;
  const primeSlot = new Map(primeList.map((p, i) => [p, i] as const));
  const factorRow = (n: number) => {
    const row = new Uint16Array(P);
    for (const [p, e] of primeFactors(n)) row[primeSlot.get(p)!] = e;
    return row;
  };
  const pickRows = Array.from({ length: 64 }, (_, k) => factorRow(Math.max(1, k)));
  const hundredRow = factorRow(100);
  const powers = new Powers(primeList);

  const choiceBase = new Int32Array(sceneCount + 1);
  for (let s = 0; s < sceneCount; s++) choiceBase[s + 1] = choiceBase[s]! + compiled.choices[s]!.length;
  const allChoices = compiled.choices.flat();
  const firstOpenAt = new Int32Array(allChoices.length).fill(-1);
  const firstClosedAt = new Int32Array(allChoices.length).fill(-1);
  const entered = new Uint8Array(sceneCount);
  const perScene = new Float64Array(sceneCount);
  const deadEnds: SweepResult['deadEnds'] = [];
  const endingState = new Int32Array(endings).fill(-1);

  // Paths: per state, the state it is best reached from, by which choice and outcome.
  let parent = new Int32Array(withPaths ? 1024 : 0);
  let viaChoice = new Int32Array(withPaths ? 1024 : 0);
  let viaOutcome = new Int32Array(withPaths ? 1024 : 0);
  let depth = new Int32Array(withPaths ? 1024 : 0);
  const growPaths = (need: number) => {
    if (need < parent.length) return;
    const size = Math.max(need + 1, parent.length * 2);
    const grow = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    parent = grow(parent);
    viaChoice = grow(viaChoice);
    viaOutcome = grow(viaOutcome);
    depth = grow(depth);
  };
  const link = (id: number, isNew: boolean, from: number, choice: number, outcome: number) => {
    const d = from < 0 ? 0 : depth[from]! + 1;
    if (!isNew && depth[id]! <= d) return;
    parent[id] = from;
    viaChoice[id] = choice;
    viaOutcome[id] = outcome;
    depth[id] = d;
  };

  // The ways out: routes and probability reaching each ending, and dead ends.
  const slotRoutes = new Array<bigint>(width).fill(0n);
  const slotMass = new Float64Array(width);
  const slotNums = new Array<bigint>(width).fill(0n);
  const slotExps = new Uint16Array(width * P);
  let maxSteps = 0;
  let maxIn = 1;
  let maxDraws = 0;
  let slotIns = 0;

  // Layers by clock: an array over the week, a map past it (a timeout that is not an ending).
  const byClock = new Array<StateLayer | undefined>(Math.max(0, story.timeout.at + 1)).fill(undefined);
  const layers = new Map<number, StateLayer>();
  const clocks: number[] = [];
  const pushClock = (clock: number) => {
    clocks.push(clock);
    for (let i = clocks.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (clocks[up]! <= clocks[i]!) break;
      [clocks[up], clocks[i]] = [clocks[i]!, clocks[up]!];
      i = up;
    }
  };
  const popClock = (): number => {
    const top = clocks[0]!;
    const last = clocks.pop()!;
    if (clocks.length) {
      clocks[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < clocks.length && clocks[l]! < clocks[m]!) m = l;
        if (r < clocks.length && clocks[r]! < clocks[m]!) m = r;
        if (m === i) break;
        [clocks[m], clocks[i]] = [clocks[i]!, clocks[m]!];
        i = m;
      }
    }
    return top;
  };

  let states = 0;
  let waiting = 0;
  let widest = 0;
  let moves = 0;
  let complete = true;
  const layouts = stateLayouts(story, compiled);
  const record = new Int32Array(Math.max(...layouts.map((layout) => layout.words)));
  const contribution = new Uint16Array(P);

  /** Adds num / ∏ primes^exps (exps from `contribution`) to a stored exact probability. */
  const addExact = (nums: bigint[], exps: Uint16Array, at: number, num: bigint) => {
    const base = at * P;
    const current = nums[at];
    if (current === undefined || current === 0n) {
      nums[at] = num;
      for (let p = 0; p < P; p++) exps[base + p] = contribution[p]!;
      return;
    }
    let a = current;
    let b = num;
    for (let p = 0; p < P; p++) {
      const diff = contribution[p]! - exps[base + p]!;
      if (diff > 0) {
        a *= powers.of(p, diff);
        exps[base + p] = contribution[p]!;
      } else if (diff < 0) b *= powers.of(p, -diff);
    }
    nums[at] = a + b;
  };

  /**
   * A transition's outcome arrives at `scene` with the machine's clock and values. `from` is
   * the state it came from (-1 for an opening), with its route count and probability.
   */
  const arrive = (
    m: Machine,
    scene: number,
    from: number,
    choice: number,
    outcome: number,
    rn: number,
    rb: bigint,
    mass: number,
    num: bigint,
  ): boolean => {
    moves++;
    const slot = compiled.endingSlot[scene]!;
    if (slot >= 0) {
      let id = endingState[slot]!;
      const isNew = id < 0;
      if (isNew) {
        if (states >= maxStates) return (complete = false);
        id = endingState[slot] = states++;
        perScene[scene]!++;
      }
      if (withPaths) {
        growPaths(id);
        link(id, isNew, from, choice, outcome);
      }
      if (withOdds) {
        slotIns++;
        slotRoutes[slot] = slotRoutes[slot]! + (rn >= 0 ? BigInt(rn) : rb);
        slotMass[slot] = slotMass[slot]! + mass;
        if (exact) addExact(slotNums, slotExps, slot, num);
      }
      return true;
    }
    const length = packState(layouts[scene]!, scene, m.vars, m.deadlineFired, record);
    const clock = m.clock;
    let layer = clock < byClock.length ? byClock[clock] : layers.get(clock);
    if (!layer) {
      layer = new StateLayer(clock, withOdds ? (exact ? P : 0) : -1);
      if (clock < byClock.length) byClock[clock] = layer;
      else layers.set(clock, layer);
      pushClock(clock);
    }
    if (states >= maxStates) {
      // Only a new state would pass the limit: look it up without adding.
      const at = layer.find(record, length);
      if (at < 0) return (complete = false);
      return flowInto(layer, at, false, from, choice, outcome, rn, rb, mass, num);
    }
    const at = layer.intern(record, length);
    return flowInto(layer, at, layer.added, from, choice, outcome, rn, rb, mass, num);
  };

  const flowInto = (
    layer: StateLayer,
    at: number,
    isNew: boolean,
    from: number,
    choice: number,
    outcome: number,
    rn: number,
    rb: bigint,
    mass: number,
    num: bigint,
  ): boolean => {
    if (isNew) {
      const id = states++;
      layer.ids[at] = id;
      waiting++;
      if (waiting > widest) widest = waiting;
      perScene[layer.words[layer.starts[at]!]!]!++;
      if (withPaths) {
        growPaths(id);
        link(id, true, from, choice, outcome);
      }
      if (withOdds) {
        layer.counts[at] = rn;
        if (rn < 0) layer.routes[at] = rb;
        layer.ins[at] = 1;
        layer.mass[at] = mass;
        if (exact) addExact(layer.nums, layer.exps, at, num);
      }
    } else {
      if (withPaths) link(layer.ids[at]!, false, from, choice, outcome);
      if (withOdds) {
        // Route counts stay doubles while exact (below 2^53), BigInts past that.
        const count = layer.counts[at]!;
        const sum = count + rn;
        if (count >= 0 && rn >= 0 && sum <= Number.MAX_SAFE_INTEGER) layer.counts[at] = sum;
        else {
          layer.routes[at] = (count >= 0 ? BigInt(count) : layer.routes[at]!) + (rn >= 0 ? BigInt(rn) : rb);
          layer.counts[at] = -1;
        }
        layer.mass[at] = layer.mass[at]! + mass;
        if (exact) addExact(layer.nums, layer.exps, at, num);
        if (++layer.ins[at]! > maxIn) maxIn = layer.ins[at]!;
      }
    }
    return true;
  };

  // Chance draws: every combination of branches, walked like an odometer (enumerate-outcomes.ts).
  // Entries past the draws made stay 0: the first branch.
  const script = new Int32Array(256);
  const counts = new Int32Array(256);
  const taken = new Int32Array(256);
  let drawn = 0;
  const m: Machine = {
    vars: new Float64Array(compiled.varNames.length),
    clock: 0,
    eventsDoneAt: 0,
    deadlineFired: -1,
    firedNow: [],
    choose: (percents) => {
      if (drawn >= 256) throw new Unsupported('more than 256 chance draws in one move');
      const index = script[drawn]!;
      counts[drawn] = percents.length;
      taken[drawn] = percents[index]!;
      drawn++;
      return index;
    },
    entered,
  };
  /** Turns the odometer to the next way the draws can fall; false when every way was run. */
  const nextOutcome = (): boolean => {
    let position = drawn - 1;
    while (position >= 0 && script[position] === counts[position]! - 1) script[position--] = 0;
    if (position < 0) return false;
    script[position]!++;
    return true;
  };
  const chanceOf = () => {
    let odds = 1;
    for (let i = 0; i < drawn; i++) odds *= taken[i]! / 100;
    return odds;
  };
  const chanceNumerator = () => {
    let product = 1n;
    for (let i = 0; i < drawn; i++) product *= BigInt(taken[i]!);
    return product;
  };

  // The openings.
  const base = new Float64Array(compiled.varNames.length);
  const resetOpening = () => {
    m.vars.set(compiled.initial);
    m.clock = story.clockStart;
    m.deadlineFired = -1;
  };
  for (let outcome = 0; ; outcome++) {
    drawn = 0;
    resetOpening();
    const scene = compiled.start(m);
    if (drawn > maxDraws) maxDraws = drawn;
    if (exact) for (let p = 0; p < P; p++) contribution[p] = hundredRow[p]! * drawn;
    if (!arrive(m, scene, -1, -1, outcome, 1, 0n, chanceOf(), exact ? chanceNumerator() : 0n)) break;
    if (!nextOutcome()) break;
  }

  let swept = 0;
  const open = new Int32Array(Math.max(1, ...compiled.choices.map((list) => list.length)));
  let opened = 0;
  while (clocks.length && complete) {
    const clock = popClock();
    const layer = clock < byClock.length ? byClock[clock]! : layers.get(clock)!;
    if (clock < byClock.length) byClock[clock] = undefined;
    else layers.delete(clock);
    // Every move takes time, so no path has more moves than there are clocks swept.
    maxSteps++;
    layer.seal();
    for (let i = 0; i < layer.count && complete; i++) {
      if ((++swept & 1023) === 0 && options.stop?.({ clock, states, waiting })) {
        complete = false;
        break;
      }
      waiting--;
      const start = layer.starts[i]!;
      const scene = layer.words[start]!;
      base.set(compiled.initial);
      const deadlineFired = unpackState(layouts[scene]!, layer.words, start, base);
      const id = layer.ids[i]!;
      const choices = compiled.choices[scene]!;
      const firstChoice = choiceBase[scene]!;
      opened = 0;
      for (let c = 0; c < choices.length; c++) {
        const cond = choices[c]!.open;
        if (cond === null || cond(base, clock)) {
          open[opened++] = c;
          if (firstOpenAt[firstChoice + c]! < 0) firstOpenAt[firstChoice + c] = id;
        } else if (firstClosedAt[firstChoice + c]! < 0) firstClosedAt[firstChoice + c] = id;
      }
      const rn = withOdds ? layer.counts[i]! : 0;
      const rb = rn < 0 ? layer.routes[i]! : 0n;
      if (opened === 0) {
        deadEnds.push({ state: id, scene: compiled.sceneIds[scene]! });
        if (withOdds) {
          slotIns++;
          slotRoutes[stuckSlot] = slotRoutes[stuckSlot]! + (rn >= 0 ? BigInt(rn) : rb);
          slotMass[stuckSlot] = slotMass[stuckSlot]! + layer.mass[i]!;
          if (exact) {
            for (let p = 0; p < P; p++) contribution[p] = layer.exps[i * P + p]!;
            addExact(slotNums, slotExps, stuckSlot, layer.nums[i]!);
          }
        }
        continue;
      }
      const pick = withOdds ? layer.mass[i]! / opened : 0;
      const num = exact ? layer.nums[i]! : 0n;
      const pickRow = pickRows[opened] ?? factorRow(opened);
      const exps = layer.exps;
      let going = true;
      for (let o = 0; o < opened && going; o++) {
        const c = open[o]!;
        const choice = firstChoice + c;
        for (let outcome = 0; ; outcome++) {
          drawn = 0;
          m.vars.set(base);
          m.clock = clock;
          m.deadlineFired = deadlineFired;
          const to = compiled.take(m, scene, c);
          if (drawn > maxDraws) maxDraws = drawn;
          if (exact)
            for (let p = 0; p < P; p++) contribution[p] = exps[i * P + p]! + pickRow[p]! + hundredRow[p]! * drawn;
          going = arrive(
            m,
            to,
            id,
            choice,
            outcome,
            rn,
            rb,
            withOdds ? (drawn ? pick * chanceOf() : pick) : 0,
            exact ? (drawn ? num * chanceNumerator() : num) : 0n,
          );
          if (!going || !nextOutcome()) break;
        }
      }
    }
    layer.dispose();
  }

  const firstOf = (at: Int32Array) => {
    const map = new Map<string, number>();
    allChoices.forEach((choice, i) => {
      if (at[i]! >= 0) map.set(choice.id, at[i]!);
    });
    return map;
  };
  const scenesEntered = new Set<string>();
  entered.forEach((flag, s) => flag && scenesEntered.add(compiled.sceneIds[s]!));
  const statesByScene = new Map<string, number>();
  perScene.forEach((n, s) => n && statesByScene.set(compiled.sceneIds[s]!, n));
  const endingsReached = new Set<string>();
  endingState.forEach((id, slot) => id >= 0 && endingsReached.add(compiled.endingIds[slot]!));

  let odds: SweepOdds | null = null;
  if (withOdds && complete) {
    const denominator = (slot: number) => {
      let den = 1n;
      for (let p = 0; p < P; p++) den *= powers.of(p, slotExps[slot * P + p]!);
      return den;
    };
    // Every double is a sum of products of positive terms, so its relative error is at most
    // γ(n) = n·u / (1 − n·u), n the roundings along the longest chain: per move, the 1/k
    // split, two per chance draw, the product, and the sum into a state of up to maxIn
    // moves; then the sum of every contribution into the endings.
    const n = (maxSteps + 2) * (maxIn + 2 + 2 * maxDraws) + slotIns;
    const relative = (n * U) / (1 - n * U);
    odds = {
      routes: slotRoutes,
      exact: exact ? slotNums.map((num, slot) => fraction(num, denominator(slot))) : null,
      approx: Array.from(slotMass),
      // Against the computed doubles, which may themselves be off by the same factor.
      errorBound: Math.max(...slotMass) * relative * (1 + 2 * relative),
    };
  }

  const pathTo = (state: number): string[] => {
    if (!withPaths) throw new Error('the sweep kept no paths');
    return replayPath(story, compiled, allChoices, parent, viaChoice, viaOutcome, state);
  };

  return {
    complete,
    states,
    via: 'compiled',
    scenesEntered,
    firstOpen: firstOf(firstOpenAt),
    firstClosed: firstOf(firstClosedAt),
    deadEnds,
    endingsReached,
    statesByScene,
    widest,
    moves,
    pathTo,
    depthOf: (state) => {
      if (!withPaths) throw new Error('the sweep kept no paths');
      return depth[state]!;
    },
    odds,
  };
}
