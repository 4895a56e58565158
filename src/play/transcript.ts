// A run as readable text, to keep or share (`pusher play --transcript FILE`): every scene's
// prose, the meters at each step, each choice taken with when it was taken, what it cost in
// time and what it moved, and the ending with the week drawn and the command that replays
// it. Built from the run alone (the seed, the start and the choice ids), so an undone or
// abandoned road is not in it: it is the run that happened, replayed.
import type { Story } from '../story/types.js';
import { listChoices } from '../engine/list-choices.js';
import { meterDeltas, moneyMeter, readMeters } from '../engine/meters.js';
import { replayRun, type Run } from '../engine/run.js';
import { finalMoney, formatCost, formatDeltas, formatMetersLine } from '../present/format-meters.js';
import { summariseRun } from '../present/summarise-run.js';
import { weekChartLines, weekChartWords, weekSeries } from '../present/week-chart.js';
import { formatWeekTime } from '../story/week-time.js';
import { stripControl } from '../text/strip-control.js';
import { wrapText } from '../text/wrap-text.js';
import { choiceNumbers, replayCommand } from './replay-line.js';

/** Prose is wrapped to this width: a transcript is read in an editor or a mail. */
const WIDTH = 78;

export interface TranscriptOptions {
  /** the story file as given on the command line; absent for the shipped story */
  file?: string;
}

function paragraphLines(text: string): string[] {
  return [...wrapText(stripControl(text), WIDTH), ''];
}

/** The whole transcript of `run`, ended or not. */
export function transcriptText(story: Story, run: Run, options: TranscriptOptions = {}): string {
  return runTranscript(story, run, options).text;
}

/** The transcript of `run`, and whether the run has ended. */
function runTranscript(story: Story, run: Run, options: TranscriptOptions): { text: string; ended: boolean } {
  const { steps } = replayRun(story, run);
  const numbers = choiceNumbers(story, run);
  const lines: string[] = [stripControl(story.title), `Seed ${run.start.seed}`];
  if (run.start.from) lines.push(`Started at scene ${run.start.from}`);
  const set = Object.entries(run.start.set ?? {});
  if (set.length) lines.push(`Started with ${set.map(([name, value]) => `${name}=${String(value)}`).join(', ')}`);
  lines.push('');

  steps.forEach((step, i) => {
    lines.push(`[${formatMetersLine(readMeters(story, step.state))}]`, '');
    for (const paragraph of step.paragraphs) lines.push(...paragraphLines(paragraph));
    const next = steps[i + 1];
    if (!next) return;
    const id = run.taken[i]!;
    const choice = listChoices(story, step.state).find((view) => view.id === id);
    const moved = formatDeltas(meterDeltas(story, step.state, next.state), moneyMeter(story));
    const label = stripControl(choice?.label ?? id);
    lines.push(
      `> ${formatWeekTime(step.state.clock)}  ${numbers[i]}) ${label}  [${formatCost(choice?.cost ?? 0)}]${moved ? `  (${moved})` : ''}`,
      '',
    );
  });

  const last = steps[steps.length - 1]!.state;
  const series = weekSeries(
    story,
    steps.map((step) => step.state),
  );
  if (last.ending) {
    const summary = summariseRun(story, last);
    const money = finalMoney(summary.money, summary.finalDebt);
    lines.push(
      `THE END \u2014 ${stripControl(summary.endingTitle)}`,
      `Days survived: ${summary.daysSurvived} · ${money ? `${money.label}: ${money.value} · ` : ''}Seed: ${summary.seed}`,
    );
  } else lines.push(`The run stops here, unfinished, at ${formatWeekTime(last.clock)}.`);
  const money = moneyMeter(story);
  const chart = weekChartLines(series, WIDTH, money);
  if (chart.length) lines.push('', 'The week:', ...chart, '', ...weekChartWords(series, money));
  lines.push('', `Play this run again: ${replayCommand(story, run, options.file)}`);
  return { text: `${lines.join('\n')}\n`, ended: last.ending !== null };
}

/**
 * The runs of one sitting, for the transcript file: every run that reached its ending stays
 * in it when the player goes on to another (play again, a load); a run left unfinished for
 * another is dropped, and the run in play comes last. An undo or a branch is the same run.
 */
export interface TranscriptSitting {
  finished: string[];
  last: { start: string; text: string; ended: boolean } | null;
}

export const NEW_SITTING: TranscriptSitting = { finished: [], last: null };

const BETWEEN_RUNS = `\n${'='.repeat(WIDTH)}\n\n`;

/** The sitting with `run` as the run in play, and the file's text. */
export function recordRun(
  sitting: TranscriptSitting,
  story: Story,
  run: Run,
  options: TranscriptOptions = {},
): { sitting: TranscriptSitting; text: string } {
  const start = JSON.stringify(run.start);
  const previous = sitting.last;
  const finished =
    previous?.ended && previous.start !== start ? [...sitting.finished, previous.text] : sitting.finished;
  const now = runTranscript(story, run, options);
  return {
    sitting: { finished, last: { start, ...now } },
    text: [...finished, now.text].join(BETWEEN_RUNS),
  };
}
