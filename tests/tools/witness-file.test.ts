import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatWitnessFile, parseWitnessFile } from '../../src/tools/witness-file.js';
import type { Witness } from '../../src/tools/witness-run.js';

const RUNS: Witness[] = [
  {
    seed: 12,
    start: [],
    moves: [
      { choice: 'a.go', picks: [] },
      { choice: 'b.toss', picks: [1, 0] },
    ],
  },
  { seed: 0, start: [2], moves: [] },
];

describe('the witness file', () => {
  it('round-trips runs, one run per line', () => {
    const text = formatWitnessFile('tiny', RUNS);
    expect(text.split('\n')).toHaveLength(RUNS.length + 3);
    expect(text).toContain('[12,[],"a.go",["b.toss",1,0]]');
    expect(parseWitnessFile(text)).toEqual({ ok: true, storyId: 'tiny', runs: RUNS });
  });

  it('refuses what is not one, with a reason', () => {
    const good = JSON.parse(formatWitnessFile('tiny', RUNS)) as Record<string, unknown>;
    const cases: Array<[string, RegExp]> = [
      ['{not json', /not valid JSON/],
      ['[1,2,3]', /not a Pusher witness file/],
      [JSON.stringify({ ...good, format: 'pusher-save' }), /not a Pusher witness file/],
      [JSON.stringify({ ...good, version: 9 }), /version 9/],
      [JSON.stringify({ ...good, runs: 'all of them' }), /no list of runs/],
      [JSON.stringify({ ...good, runs: [[1, [], ['a', -1]]] }), /run 1 is malformed/],
      [
        JSON.stringify({
          ...good,
          runs: [
            [1, [], 'a'],
            [1.5, []],
          ],
        }),
        /run 2 is malformed/,
      ],
      [JSON.stringify({ ...good, runs: [[1, [], { choice: 'a' }]] }), /run 1 is malformed/],
    ];
    for (const [text, reason] of cases) {
      const result = parseWitnessFile(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.reason, text).toMatch(reason);
    }
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseWitnessFile(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
