import { createInterface } from 'node:readline';
import type { Story, Value } from '../story/types.js';
import type { GameState, Step } from '../engine/game-state.js';
import { startGame } from '../engine/start-game.js';
import { listChoices } from '../engine/list-choices.js';
import { takeChoice } from '../engine/take-choice.js';
import { meterDeltas, readMeters } from '../engine/meters.js';
import { formatDeltas, formatMetersLine, formatMoney } from '../present/format-meters.js';
import { keyDecisions, summariseRun } from '../present/summarise-run.js';
import { formatDuration } from '../story/week-time.js';
import { formatValue } from '../story/format-value.js';
import { stripControl } from '../text/strip-control.js';
import { wrapText } from '../text/wrap-text.js';
import { EXIT_OK } from './exit-codes.js';
import { readEndingShare } from './fate-cache.js';
import { formatEndingShare } from '../tools/ending-share.js';

export interface PlainPlayerOptions {
  story: Story;
  seed: number;
  /** choice numbers to play before reading input (`--choices 2,1,3`) */
  scripted: number[];
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** wrap prose to this width; null leaves lines whole (pipes, files) */
  width: number | null;
  /** show every variable beside the scene */
  debug?: boolean;
  from?: string;
  set?: Record<string, Value>;
}

/**
 * The plain player: prose, meters and numbered choices as lines of text; one number per
 * line in. Used whenever there is no terminal to draw on, and with --plain.
 */
export async function playPlain(options: PlainPlayerOptions): Promise<number> {
  const { story, output } = options;
  const write = (text = '') => output.write(`${text}\n`);
  const paragraph = (text: string) => {
    const lines = options.width ? wrapText(text, options.width) : [text];
    write(lines.join('\n'));
    write();
  };

  write(stripControl(story.title));
  if (story.note) write(stripControl(story.note));
  write(`Seed ${options.seed} (play this run again with --seed ${options.seed})`);
  write();

  let step: Step = startGame(story, { seed: options.seed, from: options.from, set: options.set });
  const show = (current: Step, before: GameState | null) => {
    for (const text of current.paragraphs) paragraph(text);
    if (before) {
      const moved = formatDeltas(meterDeltas(story, before, current.state));
      if (moved) write(`(${moved})`);
    }
  };
  show(step, null);

  const lines = createInterface({ input: options.input, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  const scripted = [...options.scripted];
  const nextAnswer = async (): Promise<string | null> => {
    if (scripted.length) {
      const answer = String(scripted.shift());
      write(`> ${answer}`);
      return answer;
    }
    output.write('> ');
    const next = await iterator.next();
    if (next.done) {
      write();
      return null;
    }
    return next.value.trim();
  };

  try {
    while (!step.state.ending) {
      const meters = readMeters(story, step.state);
      write(formatMetersLine(meters));
      if (options.debug) write(debugLine(story, step.state));
      const choices = listChoices(story, step.state);
      const open = choices.filter((choice) => choice.available);
      let number = 0;
      for (const choice of choices) {
        const cost = `[${formatDuration(choice.cost)}]`;
        if (choice.available) write(`${++number}) ${choice.label} ${cost}`);
        else write(`   ${choice.label} ${cost} (locked: ${choice.reason})`);
      }
      if (open.length === 0) {
        write('There is no way on from here: the story has a dead end (run `pusher check`).');
        return EXIT_OK;
      }
      let picked: number | null = null;
      while (picked === null) {
        const answer = await nextAnswer();
        if (answer === null) return EXIT_OK;
        if (answer === 'q' || answer === 'quit') return EXIT_OK;
        const n = /^\d+$/.test(answer) ? Number(answer) : NaN;
        if (n >= 1 && n <= open.length) picked = n;
        else write(`Pick a number from 1 to ${open.length}.`);
      }
      write();
      const before = step.state;
      const result = takeChoice(story, step.state, open[picked - 1]!.id);
      if (!result.ok) throw new Error(result.reason);
      step = result;
      show(step, before);
    }
  } finally {
    lines.close();
  }

  const summary = summariseRun(story, step.state);
  write(`THE END — ${stripControl(summary.endingTitle)}`);
  const share = step.state.ending ? readEndingShare(story, step.state.ending) : null;
  if (share !== null) write(formatEndingShare(share));
  write(`Days survived: ${summary.daysSurvived} · Final debt: ${formatMoney(summary.finalDebt)} · Seed: ${summary.seed}`);
  const decisions = keyDecisions(summary);
  if (decisions.length) {
    write('How you got here:');
    for (const decision of decisions) write(`  ${decision.clock}  ${decision.label}`);
  }
  return EXIT_OK;
}

function debugLine(story: Story, state: GameState): string {
  const values = story.varOrder.map((name) => `${name}=${formatValue(state.vars[name]!, story.vars[name]!.type)}`);
  return `[debug] scene=${state.scene} ${values.join(' ')}`;
}
