// The one command that plays a run again exactly: `pusher play --seed 42 --choices 2,1,3`.
// Choices are the numbers the player typed (open choices counted from 1 at each point), as
// --choices has always taken them; the engine is deterministic, so the same seed, start and
// numbers give the same run (tests/play/replay-line.test.ts plays the printed command).
import type { Story } from '../story/types.js';
import { listChoices } from '../engine/list-choices.js';
import { replayRun, type Run } from '../engine/run.js';

/** The --choices numbers of a run: each taken choice's place among the open ones, from 1. */
export function choiceNumbers(story: Story, run: Run): number[] {
  const { steps } = replayRun(story, run, false);
  return run.taken.slice(0, steps.length - 1).map((id, i) => {
    const open = listChoices(story, steps[i]!.state).filter((choice) => choice.available);
    return open.findIndex((choice) => choice.id === id) + 1;
  });
}

/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The arguments after `pusher play` that replay `run`: the story file when it is not the
 * shipped one (`file`), the seed, an author's --from and --set, then the choice numbers.
 */
export function replayArgs(story: Story, run: Run, file?: string): string[] {
  const args = file === undefined ? [] : [file];
  args.push('--seed', String(run.start.seed));
  if (run.start.from) args.push('--from', run.start.from);
  for (const [name, value] of Object.entries(run.start.set ?? {})) args.push('--set', `${name}=${String(value)}`);
  const numbers = choiceNumbers(story, run);
  if (numbers.length) args.push('--choices', numbers.join(','));
  return args;
}

/** `pusher play --seed 42 --choices 2,1,3`, quoted for a shell, on one line. */
export function replayCommand(story: Story, run: Run, file?: string): string {
  return ['pusher', 'play', ...replayArgs(story, run, file)].map(shellWord).join(' ');
}

/**
 * The same command in lines of at most `width` columns where it can be, for a screen: each
 * line but the last ends in ` \` and the next is indented, so it pastes into a shell as one
 * command; a long --choices list is cut into several --choices options (they add up).
 */
export function replayCommandLines(story: Story, run: Run, width: number, file?: string): string[] {
  const args = replayArgs(story, run, file).map(shellWord);
  const room = Math.max(16, width - 4);
  // a flag stays on the line of its value
  const units = ['pusher play'];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--choices') units.push(...choiceUnits(args[++i]!, room));
    else if (arg.startsWith('--')) units.push(`${arg} ${args[++i]!}`);
    else units.push(arg);
  }
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (line && line.length + 1 + unit.length > room) {
      lines.push(line);
      line = unit;
    } else line = line ? `${line} ${unit}` : unit;
  }
  lines.push(line);
  return lines.map((text, i) => `${i === 0 ? '' : '  '}${text}${i < lines.length - 1 ? ' \\' : ''}`);
}

/** `--choices 2,1,3,…` cut into options no longer than `room`. */
function choiceUnits(list: string, room: number): string[] {
  const units: string[] = [];
  let current = '';
  for (const n of list.split(',')) {
    if (current && '--choices '.length + current.length + 1 + n.length > room) {
      units.push(`--choices ${current}`);
      current = n;
    } else current = current ? `${current},${n}` : n;
  }
  units.push(`--choices ${current}`);
  return units;
}
