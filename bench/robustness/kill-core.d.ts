// Types for kill-core.js (plain JavaScript), so tests/robustness type-checks.
export function killWhileSaving(options: {
  root: string;
  count: number;
  seed?: number;
  onProgress?: ((progress: { kills: number; placed: number; failures: number }) => void) | null;
}): Promise<{
  kills: number;
  placed: number;
  autosaves: number;
  failures: Array<{ kill: number; aimed: boolean; wrong: string[] }>;
}>;
