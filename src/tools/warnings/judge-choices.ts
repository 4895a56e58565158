import type { Choice, Story } from '../../story/types.js';
import type { GameState } from '../../engine/game-state.js';
import { choiceStatus } from '../../engine/list-choices.js';
import { formatDuration, formatWeekTime, nextTimeOfDay } from '../../story/week-time.js';
import { writtenCost } from '../../story/written-cost.js';
import { choiceOutcomes, type ChoiceOutcome } from '../real-cost.js';
import { warningAt, type Warning } from './warning.js';

/** How far the real time may stray from the written cost before time-label speaks, in minutes. */
export const TIME_LABEL_SLACK = 15;

/** Where a judged state stands, readable, computed only when a warning needs it. */
export type PathOf = () => string;

interface TimeLabelSeen {
  choice: Choice;
  /** the first state where the label was wrong (the shortest path, when states come breadth first) */
  first: { start: number; real: number; end: number; path: PathOf };
  least: number;
  most: number;
  states: number;
}

interface PairSeen {
  a: Choice;
  b: Choice;
  both: number;
  differ: number;
  first: PathOf;
}

/**
 * Gathers the warnings that need states: fed every state a proof visits (judgeState), it
 * remembers the first place each one shows, then names them (warnings()).
 */
export class ChoiceJudge {
  private readonly timeLabel = new Map<string, TimeLabelSeen>();
  private readonly silent = new Map<
    string,
    { choice: Choice; event: string; clock: number; to: string; path: PathOf }
  >();
  private readonly pairs = new Map<string, PairSeen>();
  states = 0;

  constructor(private readonly story: Story) {}

  /**
   * Plays every open choice of `state` through the engine (every chance outcome, prose
   * rendered) and judges them; returns the outcomes by choice, for a walk to go on from.
   */
  judgeState(state: GameState, path: PathOf): Map<Choice, ChoiceOutcome[]> {
    this.states++;
    const played = new Map<Choice, ChoiceOutcome[]>();
    for (const choice of this.story.scenes[state.scene]!.choices) {
      if (choiceStatus(this.story, state, choice) !== 'open') continue;
      const outcomes = choiceOutcomes(this.story, state, choice.id, true);
      played.set(choice, outcomes);
      this.judgeTime(state, choice, outcomes, path);
      this.judgeInterruptions(state, choice, outcomes, path);
    }
    this.judgePairs(played, path);
    return played;
  }

  private judgeTime(state: GameState, choice: Choice, outcomes: ChoiceOutcome[], path: PathOf): void {
    const [low, high] = declaredSpan(choice, state.clock);
    for (const outcome of outcomes) {
      // Time after an event takes over is silent-interruption's business.
      const takeover = outcome.transition.takeover;
      const end = takeover?.clock ?? outcome.state.clock;
      const real = end - state.clock;
      if (real >= low - TIME_LABEL_SLACK && real <= high + TIME_LABEL_SLACK) continue;
      // An event (or the week's end) that cut the choice short did not make its label lie.
      if (takeover && real < low) continue;
      const seen = this.timeLabel.get(choice.id);
      if (!seen) {
        this.timeLabel.set(choice.id, {
          choice,
          first: { start: state.clock, real, end, path },
          least: real,
          most: real,
          states: 1,
        });
      } else {
        seen.least = Math.min(seen.least, real);
        seen.most = Math.max(seen.most, real);
        seen.states++;
      }
    }
  }

  private judgeInterruptions(state: GameState, choice: Choice, outcomes: ChoiceOutcome[], path: PathOf): void {
    if (this.silent.has(choice.id)) return;
    for (const outcome of outcomes) {
      const takeover = outcome.transition.takeover;
      // The week's end has no body to speak with; the ending it leads to is its words.
      if (!takeover || takeover.spoke || takeover.event === '@timeout') continue;
      this.silent.set(choice.id, {
        choice,
        event: takeover.event,
        clock: takeover.clock,
        to: outcome.state.ending ?? outcome.state.scene,
        path,
      });
      return;
    }
  }

  private judgePairs(played: Map<Choice, ChoiceOutcome[]>, path: PathOf): void {
    const open = [...played].filter(([choice]) => !choice.flavour);
    // The full signature (values and text) is built only for choices whose outcomes agree on
    // the cheap parts; most pairs differ already in where or when they land.
    const rough = open.map(([, outcomes]) => roughSignature(outcomes));
    const full: Array<string | undefined> = [];
    const signature = (i: number) => (full[i] ??= outcomeSignature(open[i]![1]));
    for (let i = 0; i < open.length; i++) {
      for (let j = i + 1; j < open.length; j++) {
        const [a, b] = [open[i]![0], open[j]![0]];
        const key = `${a.id}\u0000${b.id}`;
        let seen = this.pairs.get(key);
        if (!seen) this.pairs.set(key, (seen = { a, b, both: 0, differ: 0, first: path }));
        seen.both++;
        if (rough[i] !== rough[j] || signature(i) !== signature(j)) seen.differ++;
      }
    }
  }

  /** The warnings found so far, one per choice (time-label, silent-interruption) or pair (same-result). */
  warnings(): Warning[] {
    const warnings: Warning[] = [];
    const judged = `${this.states.toLocaleString('en-US')} state${this.states === 1 ? '' : 's'} judged`;
    for (const seen of this.timeLabel.values()) {
      const { choice, first } = seen;
      const range =
        seen.least === seen.most
          ? formatDuration(seen.least)
          : `${formatDuration(seen.least)} to ${formatDuration(seen.most)}`;
      warnings.push(
        warningAt(
          'time-label',
          choice.pos,
          `'${choice.id}' is written [${writtenCost(choice)}] but takes ${formatDuration(first.real)} from ${formatWeekTime(first.start)} (to ${formatWeekTime(first.end)}); off by more than ${TIME_LABEL_SLACK}m in ${seen.states} of the ${judged}, taking ${range}`,
          first.path(),
        ),
      );
    }
    for (const seen of this.silent.values()) {
      const event = this.story.events.find((candidate) => candidate.id === seen.event);
      const at = event ? ` (${event.pos.file}:${event.pos.line})` : '';
      warnings.push(
        warningAt(
          'silent-interruption',
          seen.choice.pos,
          `'${seen.event}'${at} can fire during '${seen.choice.id}' at ${formatWeekTime(seen.clock)} and send the player to '${seen.to}' without a line of its own: give the event a line saying what was cut short, or shut the choice before then`,
          seen.path(),
        ),
      );
    }
    for (const seen of this.pairs.values()) {
      if (seen.differ > 0) continue;
      warnings.push(
        warningAt(
          'same-result',
          seen.b.pos,
          `'${seen.b.id}' and '${seen.a.id}' (line ${seen.a.pos.line}) always lead to the same state and the same text (in all ${seen.both} of the states judged where both are open): make them differ, or mark one \`flavour\` if that is meant`,
          seen.first(),
        ),
      );
    }
    return warnings;
  }
}

/** The least and most minutes a choice says it takes, from `clock`. */
export function declaredSpan(choice: Choice, clock: number): [number, number] {
  const declared = choice.declared;
  if (declared?.kind === 'range') return [declared.min, declared.max];
  if (declared?.kind === 'until') {
    const until = nextTimeOfDay(clock, declared.at) - clock;
    return [until, until];
  }
  return [choice.cost, choice.cost];
}

/** Where and when a choice's outcomes land, with their odds: equal whenever the full signatures are. */
function roughSignature(outcomes: ChoiceOutcome[]): string {
  return outcomes
    .map(({ odds, state, paragraphs }) => `${odds}:${state.scene}:${state.ending}:${state.clock}:${paragraphs.length}`)
    .sort()
    .join('|');
}

/** Everything a player could tell apart about a choice's outcomes: their odds, states and text. */
export function outcomeSignature(outcomes: ChoiceOutcome[]): string {
  return outcomes
    .map(({ odds, state, paragraphs }) =>
      JSON.stringify([
        odds,
        state.scene,
        state.ending,
        state.clock,
        state.deadlineFired,
        state.vars,
        state.visits,
        paragraphs,
      ]),
    )
    .sort()
    .join('\n');
}
