import type { Story } from '../story/types.js';
import type { GameState } from '../engine/game-state.js';
import { startGame } from '../engine/start-game.js';
import { takeChoice } from '../engine/take-choice.js';
import { noteArrival, noteChoices, type Coverage } from './coverage.js';
import { scriptedChooser, type Witness } from './witness-run.js';

/**
 * Plays a recorded run through the engine, noting in `coverage` what each state on the way
 * shows. The record is only a guide: what counts is what the engine does, so a run that no
 * longer fits the story (a choice gone or shut, other chance draws) counts up to the last
 * state it really reached, and the answer is false.
 */
export function replayWitness(story: Story, witness: Witness, coverage: Coverage): boolean {
  const opening = scriptedChooser(witness.start);
  let state: GameState = startGame(story, { seed: witness.seed, choose: opening.choose, render: false }).state;
  if (!opening.fits()) return false;
  let taken = 0;
  const prefix = (): Witness => ({ seed: witness.seed, start: witness.start, moves: witness.moves.slice(0, taken) });
  for (;;) {
    noteArrival(story, coverage, state, prefix);
    if (state.ending) return taken === witness.moves.length;
    const open = noteChoices(story, coverage, state, prefix);
    if (open.length === 0) {
      coverage.stuck.push(prefix());
      return taken === witness.moves.length;
    }
    const move = witness.moves[taken];
    if (!move) return true;
    const draws = scriptedChooser(move.picks);
    const result = takeChoice(story, state, move.choice, { choose: draws.choose, render: false });
    if (!result.ok || !draws.fits()) return false;
    state = result.state;
    taken++;
  }
}
