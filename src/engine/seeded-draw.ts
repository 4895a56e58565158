// Chance in Pusher comes only from here: a hash of where a draw happens, never a running
// generator. The same seed and the same choices give the same draws, and adding a draw in
// one scene cannot shift the draws of another.

/** 32-bit FNV-1a over the string, finished with a murmur-style avalanche. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) fixed by the parts. */
export function unitDraw(...parts: Array<string | number>): number {
  return hash32(parts.join('\u001f')) / 2 ** 32;
}

/** An index in [0, n) fixed by the parts. */
export function indexDraw(n: number, ...parts: Array<string | number>): number {
  return Math.min(n - 1, Math.floor(unitDraw(...parts) * n));
}

/** Picks a branch by its percentage. */
export function pickByPercent(percents: number[], unit: number): number {
  const total = percents.reduce((sum, p) => sum + p, 0);
  let point = unit * total;
  for (let i = 0; i < percents.length; i++) {
    point -= percents[i]!;
    if (point < 0) return i;
  }
  return percents.length - 1;
}
