import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { startGame } from '../engine/start-game.js';
import { takeChoice } from '../engine/take-choice.js';
import { choiceStatus } from '../engine/list-choices.js';
import { hash32, indexDraw } from '../engine/seeded-draw.js';
import { dayOf } from '../story/week-time.js';
import { endingIds } from './story-stats.js';
import { scenesEntered } from '../engine/scene-visits.js';

export interface RandomRunsReport {
  runs: number;
  seed: number;
  /** per ending: runs that reached it and their share */
  endings: Array<{ id: string; title: string; runs: number; share: number }>;
  /** runs that met a state with no open choice (a story bug) */
  stuck: number;
  length: { choices: Summary; days: Summary };
  /** the range of the money meter's final value (0 to 0 without one) */
  debt: { min: number; max: number };
  scenesNeverReached: string[];
  choicesNeverTaken: string[];
}

export interface Summary {
  min: number;
  median: number;
  max: number;
}

function summarise(values: number[]): Summary {
  if (values.length === 0) return { min: 0, median: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}

/** The seed of the i-th game of a batch. */
export function gameSeed(batchSeed: number, index: number): number {
  return hash32(`${batchSeed}:${index}`) % 2 ** 31;
}

/**
 * Plays one game choosing uniformly at random among the open choices, seeded. Prose is
 * rendered only for `onText`, which reads it step by step.
 */
export function playRandomGame(
  story: Story,
  seed: number,
  onStep?: (state: GameState) => void,
  onText?: (paragraphs: readonly string[]) => void,
): { state: GameState; stuck: boolean } {
  const render = onText !== undefined;
  const start = startGame(story, { seed, render });
  let state = start.state;
  onStep?.(state);
  onText?.(start.paragraphs);
  for (let step = 0; !state.ending; step++) {
    // Statuses only: rendering every label (as listChoices does for the player) is wasted here.
    const open = story.scenes[state.scene]!.choices.filter((choice) => choiceStatus(story, state, choice) === 'open');
    if (open.length === 0) return { state, stuck: true };
    const pick = open[indexDraw(open.length, seed, 'pick', step)]!;
    const result = takeChoice(story, state, pick.id, { render });
    if (!result.ok) return { state, stuck: true };
    state = result.state;
    onStep?.(state);
    onText?.(result.paragraphs);
  }
  return { state, stuck: false };
}

/** Plays `runs` seeded random games: the randomtest of ChoiceScript, for balance. */
export function randomRuns(
  story: Story,
  runs: number,
  seed: number,
  onProgress?: (done: number) => void,
): RandomRunsReport {
  const counts = new Map<string, number>();
  const scenesSeen = new Set<string>();
  const choicesTaken = new Set<string>();
  const lengths: number[] = [];
  const days: number[] = [];
  let stuck = 0;
  let debtMin = Infinity;
  let debtMax = -Infinity;
  for (let i = 0; i < runs; i++) {
    const game = playRandomGame(story, gameSeed(seed, i));
    for (const scene of scenesEntered(story, game.state)) scenesSeen.add(scene);
    for (const id of game.state.taken) choicesTaken.add(id);
    if (game.stuck) stuck++;
    else counts.set(game.state.ending!, (counts.get(game.state.ending!) ?? 0) + 1);
    lengths.push(game.state.taken.length);
    days.push(dayOf(game.state.clock) - dayOf(story.clockStart) + 1);
    // The story's money meter (`@meter money`); a story without one reports 0.
    const meter = story.meters.money;
    const debt = meter === null ? 0 : (game.state.vars[meter] as number);
    debtMin = Math.min(debtMin, debt);
    debtMax = Math.max(debtMax, debt);
    onProgress?.(i + 1);
  }
  const allChoices = story.sceneOrder.flatMap((id) => story.scenes[id]!.choices.map((choice) => choice.id));
  return {
    runs,
    seed,
    endings: endingIds(story).map((id) => {
      const reached = counts.get(id) ?? 0;
      return { id, title: story.scenes[id]!.ending!.title, runs: reached, share: runs ? reached / runs : 0 };
    }),
    stuck,
    length: { choices: summarise(lengths), days: summarise(days) },
    debt: { min: runs ? debtMin : 0, max: runs ? debtMax : 0 },
    scenesNeverReached: story.sceneOrder.filter((id) => !scenesSeen.has(id)),
    choicesNeverTaken: allChoices.filter((id) => !choicesTaken.has(id)),
  };
}
