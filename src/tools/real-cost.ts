import type { Story } from '../story/types.js';
import type { ChoiceView, GameState, RealCost, Step, TransitionTrace } from '../engine/game-state.js';
import { takeChoice } from '../engine/take-choice.js';
import { readMeters } from '../engine/meters.js';
import { enumerateOutcomes } from './enumerate-outcomes.js';

/** One way a choice can play out from a state: where it leads, what it said, what it did with the clock. */
export interface ChoiceOutcome extends Step {
  /** what the transition did with the clock, and which event took over */
  transition: TransitionTrace;
  /** the chance of this outcome, in [0, 1] */
  odds: number;
  /** the branch each chance draw took, in order, and its percentage */
  picks: number[];
  percents: number[];
}

/**
 * Every way taking `choiceId` in `state` can play out, one per combination of chance
 * outcomes, played by the engine itself. Empty when the choice is not open.
 */
export function choiceOutcomes(story: Story, state: GameState, choiceId: string, render = false): ChoiceOutcome[] {
  const outcomes: ChoiceOutcome[] = [];
  for (const outcome of enumerateOutcomes((choose) => {
    const trace: TransitionTrace = { takeover: null, pinned: false };
    return {
      result: takeChoice(story, state, choiceId, { choose, render, transition: trace, debugTrace: false }),
      trace,
    };
  })) {
    const { result, trace } = outcome.result;
    if (!result.ok) return [];
    const odds = outcome.percents.reduce((product, percent) => (product * percent) / 100, 1);
    outcomes.push({
      state: result.state,
      paragraphs: result.paragraphs,
      transition: trace,
      odds,
      picks: outcome.picks,
      percents: outcome.percents,
    });
  }
  return outcomes;
}

/** The real cost of a choice from its outcomes (see RealCost). */
export function realCostOf(story: Story, state: GameState, outcomes: readonly ChoiceOutcome[]): RealCost | null {
  if (outcomes.length === 0) return null;
  const ahead = readMeters(story, state).minutesLeft > 0;
  // Passed: its event fired, or the run ended up past it (the week's end outranks the event).
  const passes = (outcome: ChoiceOutcome) =>
    outcome.state.deadlineFired !== state.deadlineFired || (ahead && readMeters(story, outcome.state).minutesLeft <= 0);
  const ends = outcomes.map((outcome) => outcome.state.clock);
  const from = Math.min(...ends);
  const to = Math.max(...ends);
  const passed = outcomes.filter(passes).length;
  return {
    start: state.clock,
    min: from - state.clock,
    max: to - state.clock,
    until: outcomes.every((outcome) => outcome.transition.pinned) ? { from, to } : null,
    deadline: passed === 0 ? 'never' : passed === outcomes.length ? 'always' : 'maybe',
  };
}

/** The choices as listed, each open one with what it really costs from here (for both players). */
export function withRealCosts(story: Story, state: GameState, choices: readonly ChoiceView[]): ChoiceView[] {
  return choices.map((choice) => {
    if (!choice.available) return choice;
    const realCost = realCostOf(story, state, choiceOutcomes(story, state, choice.id));
    return realCost ? { ...choice, realCost } : choice;
  });
}
