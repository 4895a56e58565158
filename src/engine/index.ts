export type {
  GameState,
  Step,
  ChoiceView,
  ChanceChooser,
  ChanceKey,
  RealCost,
  TransitionTrace,
  TraceEntry,
} from './game-state.js';
export { startGame, initialVars, type StartOptions } from './start-game.js';
export { listChoices, choiceStatus, type ChoiceStatus } from './list-choices.js';
export { takeChoice, type TakeResult } from './take-choice.js';
export { replay, type Replay } from './replay.js';
export { readMeters, meterDeltas, moneyMeter, type Meters, type MeterDeltas, type MoneyMeter } from './meters.js';
export { seededChooser } from './seeded-chooser.js';
export { sceneNumber, visitCount, scenesEntered } from './scene-visits.js';
export { replayRun, undoRun, branchRun, type Run, type RunStart } from './run.js';
