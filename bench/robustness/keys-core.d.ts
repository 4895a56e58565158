// Types for keys-core.js (plain JavaScript), so tests/robustness type-checks.
export function randomKeys(options: {
  root: string;
  count: number;
  seed?: number;
  story?: string;
  pauseMs?: number;
}): Promise<{
  keys: number;
  sittings: number;
  frames: number;
  failures: Array<{ key: number; why: string; frame?: string }>;
}>;
