import { existsSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { DEFAULT_WALKS, runCheck } from './check-command.js';
import { runPlay } from './play-command.js';
import { MAP_FORMATS, runMap } from './map-command.js';
import { DEFAULT_WARM_LIMITS, runWarmFates, type WarmLimits } from './warm-fates-command.js';
import { runSaves } from './saves-command.js';
import { runEndings } from './endings-command.js';
import { BACKGROUND_MAX_STATES } from './warm-fates-in-background.js';
import { choiceList, wholeNumber } from './parse-options.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, UserError } from './exit-codes.js';
import { NO_START_UP, type StartUp } from './start-up.js';
import { helpAfter } from './help-text.js';
import { unknownCommand } from './unknown-command.js';
import { safeText } from '../text/safe-text.js';

// Every command prints through these: what it prints may quote a story, a save, the profile
// or an argument, and none of their escape sequences may reach the terminal.
const out = (text: string) => console.log(safeText(text));
const err = (text: string) => console.error(safeText(text));

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function buildProgram(setExit: (code: number) => void, startUp: StartUp = NO_START_UP): Command {
  const program = new Command()
    .name('pusher')
    .description("Frank's last week in Copenhagen: a terminal text adventure about debt and time.")
    .version(packageJson.version)
    .showHelpAfterError('(run pusher --help for usage)')
    .addHelpText('after', helpAfter('pusher'))
    // commander's own messages quote the arguments given
    .configureOutput({
      writeOut: (text) => process.stdout.write(safeText(text)),
      writeErr: (text) => process.stderr.write(safeText(text)),
    })
    .exitOverride();

  program
    .command('play', { isDefault: true })
    .description('play the story (the Ink UI on a terminal, plain text otherwise)')
    .argument('[file]', 'story file (default: the shipped story)')
    .option('--plain', 'plain text: numbered choices, one number per line')
    .option('--seed <n>', 'seed for chance, to replay a run exactly', wholeNumber(0))
    .option(
      '--choices <list>',
      'choice numbers to play first, such as 2,1,3 (repeatable: the lists add up)',
      choiceList,
    )
    .option('--from <scene>', 'start at a scene (for story authors)')
    .option('--set <name=value>', 'set a variable at the start (repeatable)', collect)
    .option('--debug', 'show every variable and flag beside the scene')
    .option('--no-anim', 'no typewriter effect')
    .option('--no-color', 'no colours')
    .option('--continue', 'pick up the unfinished run (the autosave)')
    .option('--load <slot>', 'pick up a named save')
    .option('--new', 'start a new game without asking about an unfinished one')
    .option('--screen-reader', 'linear text without redraws, for screen readers (as INK_SCREEN_READER=true)')
    .option('--transcript <file>', 'write the run as readable text to this file (rewritten at each step)')
    .addHelpText('after', helpAfter('play'))
    .action(async (file: string | undefined, options) => {
      // `pusher --seed 3 chek`: a mistyped command after options (`pusher play chek` names a file)
      const named = program.args[0] === 'play';
      const unknown = file === undefined || named ? null : unknownCommand(file, commandNames(program), existsSync);
      if (unknown) throw new UserError(unknown);
      setExit(await runPlay(file, options, startUp));
    });

  program
    .command('saves')
    .description('list the saves of a story (autosave and named slots)')
    .argument('[file]', 'story file (default: the shipped story)')
    .option('--json', 'print one JSON object (docs/json.md)')
    .addHelpText('after', helpAfter('saves'))
    .action((file: string | undefined, options: { json?: boolean }) => setExit(runSaves(file, options, out)));

  program
    .command('endings')
    .description('the endings gallery: endings found across all runs, and how much of the story you have seen')
    .argument('[file]', 'story file (default: the shipped story)')
    .option('--json', 'print one JSON object (docs/json.md)')
    .addHelpText('after', helpAfter('endings'))
    .action((file: string | undefined, options: { json?: boolean }) =>
      setExit(runEndings(file, options, { out, err })),
    );

  program
    .command('check')
    .description('prove a story: every path ends, every ending and choice is reachable')
    .argument('[file]', 'story file (default: the shipped story)')
    .option('--json', 'print one JSON object')
    .addOption(
      new Option(
        '--max-states <n>',
        'walk at most this many states; past it, prove by witnesses (default 1,000,000; with --fates, memory is the bound)',
      ).argParser(wholeNumber(1)),
    )
    .addOption(
      new Option(
        '--walks <n>',
        'at most this many guided runs for the proof by witnesses, which stops once everything is shown (0: stop at --max-states, unproven)',
      )
        .argParser(wholeNumber(0))
        .default(DEFAULT_WALKS),
    )
    .option('--random <n>', 'play N seeded random games and report where they end', wholeNumber(1))
    .option('--seed <n>', 'seed for --random, --personas, --metrics and the witness search', wholeNumber(0))
    .option('--fates', 'the exact odds and number of routes of every ending')
    .option('--personas', '1,000 seeded runs per declared persona (@persona): the share of each ending')
    .option('--metrics', '300 seeded random runs measured: clock overruns, alike choices, rare text')
    .option('--strict', 'warnings count as problems (exit 2)')
    .option(
      '--save-fates',
      "write the ending screen's numbers beside the story (.fates): exact when they fit, else a sample of --random N weeks",
    )
    .option('--approximate', 'with --fates: odds as doubles with an error bound, not exact fractions (faster)')
    .option(
      '--witnesses <file>',
      'the witness file: runs replayed before any search (default: beside the story, .witnesses)',
    )
    .option('--no-witnesses', 'ignore the witness file and prove from scratch')
    .option(
      '--save-witnesses',
      'write a few runs that show everything to the witness file, for the next check to replay',
    )
    .addHelpText('after', helpAfter('check'))
    .action((file: string | undefined, options) => {
      setExit(runCheck(file, options, { out, err, progress: process.stderr }));
    });

  program
    .command('map')
    .description('print the scene graph: an outline, a Mermaid flowchart or a Graphviz digraph')
    .argument('[file]', 'story file (default: the shipped story)')
    .addOption(new Option('--format <format>', 'outline, mermaid or dot').choices(MAP_FORMATS).default('outline'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .addHelpText('after', helpAfter('map'))
    .action((file: string | undefined, options) => setExit(runMap(file, options, { out })));

  // Run in the background by the game to prepare its ending screen's numbers; not for people.
  program
    .command('warm-fates', { hidden: true })
    .argument('[file]')
    .addOption(new Option('--max-states <n>').argParser(wholeNumber(1)).default(BACKGROUND_MAX_STATES))
    .addOption(new Option('--max-seconds <n>').argParser(wholeNumber(1)).default(DEFAULT_WARM_LIMITS.maxSeconds))
    .addOption(new Option('--max-cpu-seconds <n>').argParser(wholeNumber(1)).default(DEFAULT_WARM_LIMITS.maxCpuSeconds))
    .option('--verbose', 'say where the numbers were stored')
    .action(async (file: string | undefined, options: Omit<WarmLimits, 'maxMemoryMb'> & { verbose?: boolean }) => {
      const limits = { ...DEFAULT_WARM_LIMITS, ...options };
      setExit(await runWarmFates(file, limits, options.verbose ? out : undefined));
    });

  return program;
}

/** The commands a person can type (hidden ones left out, `help` in). */
function commandNames(program: Command): string[] {
  return program
    .createHelp()
    .visibleCommands(program)
    .map((command) => command.name());
}

/** Runs the CLI and returns the exit code; never throws, never prints a stack trace unless asked. */
export async function main(argv: string[], startUp: StartUp = NO_START_UP): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram((c) => (code = c), startUp);
  try {
    // `pusher chek --json` must not reach play as a file with an unknown option
    const first = argv[2];
    // hidden commands (warm-fates, run by the game itself) are commands too, never suggested
    const known = ['help', ...program.commands.map((command) => command.name())];
    if (first && !first.startsWith('-') && !known.includes(first)) {
      const unknown = unknownCommand(first, commandNames(program), existsSync);
      if (unknown) throw new UserError(unknown);
    }
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
        ? EXIT_OK
        : EXIT_BAD_INPUT;
    }
    if (error instanceof UserError) {
      err(error.message.startsWith('pusher') ? error.message : `pusher: ${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    err(`pusher: internal error: ${message}`);
    if (process.env['PUSHER_DEBUG'] && error instanceof Error) err(error.stack ?? '');
    return EXIT_FAILURE;
  }
}
