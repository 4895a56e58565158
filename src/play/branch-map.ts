// The branch map: the run as a timeline of decisions. Each decision is the state before a
// choice, the choice taken, and what else was on offer there, so the player can go back
// to any of them and take another road (branchRun in run.ts).
import type { Story } from '../story/types.js';
import type { ChoiceView } from '../engine/game-state.js';
import { listChoices } from '../engine/list-choices.js';
import { formatDayName, formatWeekTime } from '../story/week-time.js';
import { replayRun, type Run } from '../engine/run.js';

export interface Decision {
  /** position in the run's `taken`, from 0 */
  index: number;
  day: string;
  /** `Mon 08:05` */
  clock: string;
  scene: string;
  taken: ChoiceView;
  /** the other choices shown there, open or locked */
  others: ChoiceView[];
}

export function branchMap(story: Story, run: Run): Decision[] {
  const replayed = replayRun(story, run, false);
  return replayed.steps.slice(0, replayed.applied).map((step, index) => {
    const choices = listChoices(story, step.state);
    const id = run.taken[index]!;
    const taken = choices.find((choice) => choice.id === id) ?? {
      id,
      label: id,
      cost: 0,
      available: true,
      reason: null,
    };
    return {
      index,
      day: formatDayName(step.state.clock),
      clock: formatWeekTime(step.state.clock),
      scene: step.state.scene,
      taken,
      others: choices.filter((choice) => choice.id !== id),
    };
  });
}
