// How a story plays for a player choosing at random, in the three figures issue 16 holds the
// week to: how often the clock runs past what a choice said, how often two open choices are
// the same choice, and how much of a run's text only few runs see.
import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { choiceStatus } from '../engine/list-choices.js';
import { startGame } from '../engine/start-game.js';
import { takeChoice } from '../engine/take-choice.js';
import { indexDraw } from '../engine/seeded-draw.js';
import { gameSeed } from './random-runs.js';
import { choiceOutcomes } from './real-cost.js';
import { declaredSpan, outcomeSignature } from './warnings/judge-choices.js';

/** A step that runs longer than its written cost by more than this overruns. */
export const OVERRUN_SLACK = 15;
/** A paragraph shown by at most this share of runs counts as rare. */
export const RARE_SHARE = 0.1;

export interface StoryMetrics {
  runs: number;
  steps: number;
  /** share of steps whose clock moved more than OVERRUN_SLACK past the written cost */
  overrunShare: number;
  /** choice points met (every visit), and the share offering two open choices with the same outcomes */
  choicePoints: number;
  sameResultShare: number;
  /** the mean, over runs, of the share of a run's words in paragraphs at most RARE_SHARE of runs show */
  rareWordShare: number;
}

const words = (paragraph: string) => paragraph.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;

/** Plays `runs` seeded games choosing uniformly among the open choices, and measures them. */
export function storyMetrics(story: Story, runs: number, batchSeed = 1): StoryMetrics {
  let steps = 0;
  let overruns = 0;
  let choicePoints = 0;
  let sameResult = 0;
  const shownBy = new Map<string, number>();
  const played: string[][] = [];
  for (let run = 0; run < runs; run++) {
    const seed = gameSeed(batchSeed, run);
    let step = startGame(story, { seed });
    const paragraphs: string[] = [...step.paragraphs];
    for (let n = 0; !step.state.ending; n++) {
      const state: GameState = step.state;
      const open = story.scenes[state.scene]!.choices.filter((choice) => choiceStatus(story, state, choice) === 'open');
      if (open.length === 0) break;
      choicePoints++;
      const signatures = open.map((choice) => outcomeSignature(choiceOutcomes(story, state, choice.id, true)));
      if (new Set(signatures).size < signatures.length) sameResult++;
      const pick = open[indexDraw(open.length, seed, 'pick', n)]!;
      const result = takeChoice(story, state, pick.id);
      if (!result.ok) break;
      steps++;
      if (result.state.clock - state.clock > declaredSpan(pick, state.clock)[1] + OVERRUN_SLACK) overruns++;
      paragraphs.push(...result.paragraphs);
      step = result;
    }
    for (const paragraph of new Set(paragraphs)) shownBy.set(paragraph, (shownBy.get(paragraph) ?? 0) + 1);
    played.push(paragraphs);
  }
  const rareAt = runs * RARE_SHARE;
  let rareShareSum = 0;
  for (const paragraphs of played) {
    const total = paragraphs.reduce((sum, paragraph) => sum + words(paragraph), 0);
    const rare = paragraphs.reduce((sum, p) => sum + ((shownBy.get(p) ?? 0) <= rareAt ? words(p) : 0), 0);
    rareShareSum += total ? rare / total : 0;
  }
  return {
    runs,
    steps,
    overrunShare: steps ? overruns / steps : 0,
    choicePoints,
    sameResultShare: choicePoints ? sameResult / choicePoints : 0,
    rareWordShare: runs ? rareShareSum / runs : 0,
  };
}
