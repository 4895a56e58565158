// Story input of any size or depth gets a positioned problem or works: never a stack overflow.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HEAD, locate, parseBody, positions, storyOf } from './helpers.js';
import { MAX_EXPRESSION_TOKENS, MAX_IF_DEPTH, MAX_TEXT_DEPTH } from '../../src/story/limits.js';
import { checkStory } from '../../src/tools/check-story.js';
import { buildStoryMap } from '../../src/tools/map-graph.js';
import { formatMapOutline } from '../../src/tools/map-outline.js';
import { formatMapMermaid } from '../../src/tools/map-mermaid.js';
import { formatMapDot } from '../../src/tools/map-dot.js';
import { fatesOf } from '../../src/tools/fates.js';
import { playRandomGame } from '../../src/tools/random-runs.js';
import { listChoices, startGame, takeChoice } from '../../src/engine/index.js';
import { countWords } from '../../src/tools/story-stats.js';
import type { Story } from '../../src/story/types.js';

const TAIL = '* Go. [1h] -> over\n\n=== ending over "Over"\nDone.\n';

function nestedIfs(depth: number): string {
  return `=== a\n${'if debt > 0\n'.repeat(depth)}Deep {debt}.\n${'end\n'.repeat(depth)}${TAIL}`;
}

function jumpChain(length: number): string {
  let body = '=== a\n-> s0\n';
  for (let i = 0; i < length; i++) body += `=== s${i}\nStep ${i}.\n-> s${i + 1}\n`;
  return `${body}=== s${length}\n${TAIL}`;
}

/** Every tool a story meets: check, fates, random runs, the map in every format, and play. */
function useEverywhere(story: Story): void {
  expect(checkStory(story, 10_000).report.ok).toBe(true);
  expect(fatesOf(story, 10_000)?.endings.map((ending) => ending.id)).toEqual(['over']);
  expect(playRandomGame(story, 7).state.ending).toBe('over');
  const map = buildStoryMap(story);
  for (const format of [formatMapOutline, formatMapMermaid, formatMapDot]) expect(format(map)).toContain('over');
  const opening = startGame(story, { seed: 1 });
  expect(listChoices(story, opening.state).map((choice) => choice.label)).toEqual(['Go.']);
  const taken = takeChoice(story, opening.state, opening.state.scene + '.go');
  expect(taken.ok && taken.state.ending).toBe('over');
}

describe('nesting of if blocks', () => {
  it(`takes ${MAX_IF_DEPTH} nested ifs through every tool`, () => {
    const story = storyOf(HEAD + nestedIfs(MAX_IF_DEPTH));
    useEverywhere(story);
    expect(startGame(story, { seed: 1 }).paragraphs).toEqual(['Deep 100.']);
  });

  it.each([MAX_IF_DEPTH + 1, 2_000, 20_000])('refuses %i nested ifs at the first if too deep, once', (depth) => {
    const result = parseBody(nestedIfs(depth));
    const lines = result.source.split('\n');
    const first = lines.indexOf('if debt > 0') + 1;
    expect(result.story).toBeNull();
    expect(positions(result)).toEqual([
      `main.pusher:${first + MAX_IF_DEPTH}:1: 'if' blocks nest at most ${MAX_IF_DEPTH} deep: this one is inside ${MAX_IF_DEPTH} others`,
    ]);
  });

  it('property: any depth either parses or gets exactly the depth problem', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * MAX_IF_DEPTH }), (depth) => {
        const result = parseBody(nestedIfs(depth));
        if (depth <= MAX_IF_DEPTH) expect(result.problems).toEqual([]);
        else expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/nest at most/)]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('conditional text and expressions', () => {
  const nestedText = (depth: number) => {
    let text = 'x';
    for (let i = 0; i < depth; i++) text = `{if debt > ${i}: ${text}|no}`;
    return text;
  };

  it(`takes text nested ${MAX_TEXT_DEPTH} deep and an expression of ${MAX_EXPRESSION_TOKENS} parts`, () => {
    // 999 names, 998 pluses, a minus and a 1: 2,000 parts
    const sum = Array.from({ length: MAX_EXPRESSION_TOKENS / 2 - 1 }, () => 'debt').join(' + ') + ' - 1';
    const story = storyOf(`${HEAD}=== a\n${nestedText(MAX_TEXT_DEPTH)}\n{${sum}}\n${TAIL}`);
    useEverywhere(story);
    expect(startGame(story, { seed: 1 }).paragraphs).toEqual(['x 99,899']); // debt (100) is above every level's 0..31
  });

  it('refuses text nested deeper, at the brace that goes too deep', () => {
    const line = nestedText(20_000);
    const result = parseBody(`=== a\n${line}\n${TAIL}`);
    const at = locate(result.source, line);
    // the 33rd `{` opens the first conditional too deep
    const col = line.split('{').slice(0, MAX_TEXT_DEPTH + 1).join('{').length + 1;
    expect(positions(result)).toEqual([`main.pusher:${at.line}:${col}: conditional text nests at most ${MAX_TEXT_DEPTH} deep`]);
  });

  it('refuses an expression of more parts, at the first part too many, in linear time', () => {
    const sum = Array.from({ length: 200_000 }, () => 'debt').join(' + ');
    const result = parseBody(`=== a\n~ debt = ${sum}\n${TAIL}`);
    const at = locate(result.source, '~ debt = debt');
    const col = '~ debt = '.length + 'debt + '.repeat(MAX_EXPRESSION_TOKENS / 2).length + 1;
    expect(positions(result)).toEqual([`main.pusher:${at.line}:${col}: this expression is too long (more than 2,000 parts)`]);
  });
});

describe('long chains of jump-only scenes', () => {
  it.each([5_000, 50_000])('takes a chain of %i jumps through every tool', (length) => {
    const story = storyOf(HEAD + jumpChain(length));
    expect(story.sceneOrder.length).toBe(length + 3);
    useEverywhere(story);
    expect(startGame(story, { seed: 1 }).paragraphs.length).toBe(length);
    expect(countWords(story)).toBe(2 * length + 1); // "Step" and "N." per scene, and "Done."
  });

  it('reports a loop at the end of a chain of 50,000, shortened', () => {
    const source = HEAD + jumpChain(50_000).replace(`=== s50000\n${TAIL}`, `=== s50000\n-> s0\n`).replace('=== a\n-> s0\n', `=== a\n${TAIL}`).replace(/\* Go\. \[1h\] -> over\n\n=== ending over "Over"\nDone\.\n$/, '');
    const result = parseBody(source.slice(HEAD.length) + '=== ending over "Over"\nDone.\n');
    const loop = result.problems.filter((p) => /jump to each other/.test(p.message));
    expect(loop).toHaveLength(1);
    expect(loop[0]!.message).toBe(
      'these scenes jump to each other with no choice between: s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> … (49991 more) -> s49997 -> s49998 -> s49999 -> s50000 -> s0',
    );
  });
});
