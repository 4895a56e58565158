/**
 * The states of one clock value, packed: each state is a record of whole numbers (scene,
 * deadline fired, the scene's live variables) in one Int32Array, found again through an
 * open-addressing hash table of record numbers. What flows into a state from earlier
 * clocks (route count, probability mass, shortest path) sits in parallel arrays. A layer
 * lives only from the first state reaching its clock until its clock is swept.
 */
export class StateLayer {
  count = 0;
  /** the records, back to back */
  words: Int32Array;
  used = 0;
  /** where each record starts */
  starts: Int32Array;
  /** per slot: a hash, and its record number + 1 (0 for an empty slot) */
  table: Int32Array;
  mask: number;
  /** global state numbers (for paths and dead ends) */
  ids: Int32Array;
  /** how many moves lead into each state (for the error bound of the doubles) */
  ins: Int32Array;
  /** route counts while they fit a double exactly; -1 where the count is in `routes` */
  counts: Float64Array;
  routes: bigint[] = [];
  /** exact probability: numerator over ∏ primeᵢ^exps[state · P + i] */
  nums: bigint[] = [];
  exps: Uint16Array;
  /** the same probability as a double, for the error bound and a cross-check */
  mass: Float64Array;

  /** whether route counts and probabilities are kept (their arrays stay empty otherwise) */
  private readonly odds: boolean;

  /** `primes`: how many primes the exact probabilities' denominators use; -1 keeps no odds */
  constructor(
    readonly clock: number,
    readonly primes: number,
  ) {
    this.odds = primes >= 0;
    const odds = this.odds ? 8 : 0;
    this.words = new Int32Array(32);
    this.starts = new Int32Array(8);
    this.ids = new Int32Array(8);
    this.ins = new Int32Array(odds);
    this.mass = new Float64Array(odds);
    this.counts = new Float64Array(odds);
    this.exps = new Uint16Array(odds * Math.max(0, primes));
    this.table = new Int32Array(32);
    this.mask = 15;
  }

  /** The record number of `record[0..length)`, or -1 when it is not here. */
  find(record: Int32Array, length: number): number {
    const h = hashOf(record, 0, length);
    const table = this.table;
    for (let slot = h & this.mask; table[2 * slot + 1] !== 0; slot = (slot + 1) & this.mask) {
      const index = table[2 * slot + 1]! - 1;
      if (table[2 * slot] === h && this.same(index, record, length)) return index;
    }
    return -1;
  }

  private same(index: number, record: Int32Array, length: number): boolean {
    const start = this.starts[index]!;
    for (let i = 0; i < length; i++) if (this.words[start + i] !== record[i]) return false;
    return true;
  }

  /** The record number of `record[0..length)`, added when new (then `added` is true). */
  intern(record: Int32Array, length: number): number {
    const h = hashOf(record, 0, length);
    // Each slot holds the hash beside the record number: most misses never touch the records.
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const entry = table[2 * slot + 1]!;
      if (entry === 0) break;
      if (table[2 * slot] === h && this.same(entry - 1, record, length)) {
        this.added = false;
        return entry - 1;
      }
      slot = (slot + 1) & this.mask;
    }
    const index = this.count++;
    if (index >= this.starts.length) this.growStates();
    if (this.used + length > this.words.length) {
      const next = new Int32Array(Math.max(this.words.length * 2, this.used + length));
      next.set(this.words.subarray(0, this.used));
      this.words = next;
    }
    this.words.set(record.subarray(0, length), this.used);
    this.starts[index] = this.used;
    this.used += length;
    table[2 * slot] = h;
    table[2 * slot + 1] = index + 1;
    if (this.count * 4 > this.mask * 3) this.rehash();
    this.added = true;
    return index;
  }

  added = false;

  private growStates(): void {
    const size = this.starts.length * 2;
    const grow = <T extends Int32Array | Float64Array | Uint16Array>(old: T, make: (n: number) => T, n = size): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ids = grow(this.ids, (n) => new Int32Array(n));
    if (!this.odds) return;
    this.ins = grow(this.ins, (n) => new Int32Array(n));
    this.mass = grow(this.mass, (n) => new Float64Array(n));
    this.counts = grow(this.counts, (n) => new Float64Array(n));
    this.exps = grow(this.exps, (n) => new Uint16Array(n), size * this.primes);
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(2 * size);
    const mask = size - 1;
    for (let index = 0; index < this.count; index++) {
      // Records lie back to back, so each one's length is the gap to the next.
      const start = this.starts[index]!;
      const end = index + 1 < this.count ? this.starts[index + 1]! : this.used;
      const h = hashOf(this.words, start, end - start);
      let slot = h & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = index + 1;
    }
    this.table = table;
    this.mask = mask;
  }

  /** Frees the hash table once the layer is complete (no more states can reach its clock). */
  seal(): void {
    this.table = new Int32Array(0);
    this.mask = 0;
  }

  /** Lets go of everything once the layer is swept. */
  dispose(): void {
    this.words = new Int32Array(0);
    this.starts = this.ids = this.ins = new Int32Array(0);
    this.mass = this.counts = new Float64Array(0);
    this.exps = new Uint16Array(0);
    this.routes = [];
    this.nums = [];
  }

  /** Bytes the layer holds in typed arrays (BigInts not counted: see sweep-states.ts). */
  bytes(): number {
    return (
      this.words.byteLength +
      this.starts.byteLength +
      this.table.byteLength +
      this.ids.byteLength +
      this.ins.byteLength +
      this.mass.byteLength +
      this.counts.byteLength +
      this.exps.byteLength
    );
  }
}

function hashOf(words: Int32Array, start: number, length: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < start + length; i++) {
    h = Math.imul(h ^ words[i]!, 0x01000193);
    h ^= h >>> 15;
  }
  return h;
}
