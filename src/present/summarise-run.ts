import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { replay } from '../engine/replay.js';
import { listChoices } from '../engine/list-choices.js';
import { moneyMeter, type MoneyMeter } from '../engine/meters.js';
import { dayOf, formatWeekTime } from '../story/week-time.js';

export interface RunSummary {
  endingTitle: string;
  daysSurvived: number;
  /** the money meter's final value (0 without one) */
  finalDebt: number;
  /** the story's money meter, to show the final value in its own words */
  money: MoneyMeter | null;
  seed: number;
  /** every decision in order: when, where, and what was chosen */
  decisions: Array<{ clock: string; scene: string; label: string; alternatives: number; ledger: string | null }>;
}

/** How a finished run got where it is: replays it to recover each decision's label and time. */
export function summariseRun(story: Story, state: GameState): RunSummary {
  const run = replay(story, state.taken, { seed: state.seed, render: false });
  const decisions = run.steps.slice(0, -1).map((step, i) => {
    const choices = listChoices(story, step.state);
    const taken = choices.find((choice) => choice.id === state.taken[i]);
    return {
      clock: formatWeekTime(step.state.clock),
      scene: step.state.scene,
      label: taken?.label ?? state.taken[i]!,
      alternatives: choices.filter((choice) => choice.available).length - 1,
      ledger: taken?.ledger ?? null,
    };
  });
  return {
    endingTitle: state.ending ? (story.scenes[state.ending]?.ending?.title ?? state.ending) : '',
    daysSurvived: dayOf(state.clock) - dayOf(story.clockStart) + 1,
    finalDebt: story.meters.money === null ? 0 : (state.vars[story.meters.money] as number),
    money: moneyMeter(story),
    seed: state.seed,
    decisions,
  };
}

/**
 * The decisions worth showing at the end. A story that marks its decisions (`ledger TEXT`)
 * gets its own ledger: every marked decision the run took, in the story's words. Otherwise,
 * the decisions where something else could have been chosen, at most `limit` of them.
 */
export function keyDecisions(summary: RunSummary, limit = 12): RunSummary['decisions'] {
  const marked = summary.decisions.filter((decision) => decision.ledger !== null);
  if (marked.length) return marked.map((decision) => ({ ...decision, label: decision.ledger! }));
  const real = summary.decisions.filter((decision) => decision.alternatives > 0);
  if (real.length <= limit) return real;
  return real.filter((_, i) => i % Math.ceil(real.length / limit) === 0 || i === real.length - 1);
}
