import type { Move, Witness } from './witness-run.js';
import { parseEnvelope } from '../text/parse-envelope.js';

/**
 * The witness file: runs that together show everything `check` must show, stored beside a
 * story so that the next check replays them instead of searching again. It is JSON with
 * one run per line, so a change to the story shows as a few changed lines:
 *
 *   {"format":"pusher-witnesses","version":1,"story":"pusher","runs":[
 *   [1234, [0], "go_left", ["toss_coin", 1], "wait"],
 *   ...
 *   ]}
 *
 * A run is its seed, the chance branches drawn on entering the first scene, then its moves:
 * a choice id, or a choice id with the branches its chance draws took. Nothing in the file
 * is trusted: check replays every run through the engine and counts only what it sees.
 */
export const WITNESS_FORMAT = 'pusher-witnesses';
export const WITNESS_VERSION = 1;

type StoredMove = string | [string, ...number[]];
type StoredRun = [number, number[], ...StoredMove[]];

export function formatWitnessFile(storyId: string, runs: readonly Witness[]): string {
  const lines = runs.map((run) => JSON.stringify(storedRun(run)));
  const head = JSON.stringify({ format: WITNESS_FORMAT, version: WITNESS_VERSION, story: storyId }).slice(0, -1);
  return `${head},"runs":[\n${lines.join(',\n')}\n]}\n`;
}

function storedRun(run: Witness): StoredRun {
  const moves: StoredMove[] = run.moves.map((move) => (move.picks.length ? [move.choice, ...move.picks] : move.choice));
  return [run.seed, run.start, ...moves];
}

export type WitnessFileResult = { ok: true; storyId: string; runs: Witness[] } | { ok: false; reason: string };

const MAX_BRANCH = 1000;

/** Reads a witness file; anything that is not one is refused with a reason, never thrown. */
export function parseWitnessFile(text: string): WitnessFileResult {
  const envelope = parseEnvelope(text, WITNESS_FORMAT, WITNESS_VERSION, 'witness file');
  if (!envelope.ok) return { ok: false, reason: envelope.problem };
  const data = envelope.data;
  const runs = data['runs'];
  if (!Array.isArray(runs)) return { ok: false, reason: 'it has no list of runs' };
  const parsed: Witness[] = [];
  for (const [index, run] of runs.entries()) {
    const witness = parseRun(run);
    if (!witness) return { ok: false, reason: `run ${index + 1} is malformed` };
    parsed.push(witness);
  }
  return { ok: true, storyId: typeof data['story'] === 'string' ? data['story'] : '', runs: parsed };
}

function parseRun(run: unknown): Witness | null {
  if (!Array.isArray(run) || run.length < 2) return null;
  const [seed, start, ...stored] = run as unknown[];
  if (!Number.isSafeInteger(seed) || !isBranchList(start)) return null;
  const moves: Move[] = [];
  for (const move of stored) {
    if (typeof move === 'string') moves.push({ choice: move, picks: [] });
    else if (Array.isArray(move) && typeof move[0] === 'string' && isBranchList(move.slice(1)))
      moves.push({ choice: move[0], picks: move.slice(1) as number[] });
    else return null;
  }
  return { seed: seed as number, start: start as number[], moves };
}

function isBranchList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= 0 && n < MAX_BRANCH);
}
