import type { Story, Value } from '../story/types.js';
import type { ChanceChooser, GameState, Step } from './game-state.js';
import { contextFrom } from './run-context.js';
import { enterScene } from './enter-scene.js';
import { seededChooser } from './seeded-chooser.js';
import { finishStep } from './finish-step.js';
import { noVisits } from './scene-visits.js';

export interface StartOptions {
  seed: number;
  /** start at another scene (for authors debugging a story) */
  from?: string;
  /** override starting values (for authors debugging a story) */
  set?: Record<string, Value>;
  /** start at another time */
  clock?: number;
  choose?: ChanceChooser;
  /** false skips rendering prose, for tools that only need states */
  render?: boolean;
}

/** The initial values of every declared variable. */
export function initialVars(story: Story): Record<string, Value> {
  const vars: Record<string, Value> = {};
  for (const name of story.varOrder) vars[name] = story.vars[name]!.initial;
  return vars;
}

/** Starts a run: enters the first scene and follows it to the first choice point. */
export function startGame(story: Story, options: StartOptions): Step {
  // `--set clock=…` (kept with the run's other starting values in a save) moves the start.
  const { clock: setClock, ...set } = options.set ?? {};
  const blank: GameState = {
    seed: options.seed,
    scene: options.from ?? story.start,
    clock: options.clock ?? (typeof setClock === 'number' && !story.vars['clock'] ? setClock : story.clockStart),
    vars: { ...initialVars(story), ...set },
    deadlineFired: null,
    visits: noVisits(story),
    taken: [],
    ending: null,
    returns: [],
  };
  const ctx = contextFrom(story, blank, options.choose ?? seededChooser, options.render !== false);
  const arrival = enterScene(ctx, blank.scene);
  return finishStep(ctx, arrival, []);
}
