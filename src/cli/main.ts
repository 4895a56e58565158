import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { DEFAULT_WALKS, runCheck } from './check-command.js';
import { runPlay } from './play-command.js';
import { MAP_FORMATS, runMap } from './map-command.js';
import { runWarmFates } from './warm-fates-command.js';
import { runSaves } from './saves-command.js';
import { runEndings } from './endings-command.js';
import { BACKGROUND_CPU_SECONDS, BACKGROUND_MAX_STATES } from './fate-cache.js';
import { choiceList, wholeNumber } from './parse-options.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, UserError } from './exit-codes.js';
import { NO_START_UP, type StartUp } from './start-up.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function buildProgram(setExit: (code: number) => void, startUp: StartUp = NO_START_UP): Command {
  const program = new Command()
    .name('pusher')
    .description("Frank's last week in Copenhagen: a terminal text adventure about debt and time.")
    .version(packageJson.version)
    .showHelpAfterError('(run pusher --help for usage)')
    .exitOverride();

  program
    .command('play', { isDefault: true })
    .description('play the story (the Ink UI on a terminal, plain text otherwise)')
    .argument('[file]', 'story file (default: the shipped story)')
    .option('--plain', 'plain text: numbered choices, one number per line')
    .option('--seed <n>', 'seed for chance, to replay a run exactly', wholeNumber(0))
    .option('--choices <list>', 'choice numbers to play first, such as 2,1,3', choiceList)
    .option('--from <scene>', 'start at a scene (for story authors)')
    .option('--set <name=value>', 'set a variable at the start (repeatable)', collect)
    .option('--debug', 'show every variable and flag beside the scene')
    .option('--no-anim', 'no typewriter effect')
    .option('--no-color', 'no colours')
    .option('--continue', 'pick up the unfinished run (the autosave)')
    .option('--load <slot>', 'pick up a named save')
    .option('--new', 'start a new game without asking about an unfinished one')
    .action(async (file: string | undefined, options) => setExit(await runPlay(file, options, startUp)));

  program
    .command('saves')
    .description('list the saves of a story (autosave and named slots)')
    .argument('[file]', 'story file (default: the shipped story)')
    .option('--json', 'print one JSON object')
    .action((file: string | undefined, options: { json?: boolean }) =>
      setExit(runSaves(file, options, (t) => console.log(t))),
    );

  program
    .command('endings')
    .description('the endings gallery: endings found across all runs, and how much of the story you have seen')
    .argument('[file]', 'story file (default: the shipped story)')
    .option('--json', 'print one JSON object')
    .action((file: string | undefined, options: { json?: boolean }) =>
      setExit(runEndings(file, options, { out: (t) => console.log(t), err: (t) => console.error(t) })),
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
    .option('--seed <n>', 'seed for --random and the witness search', wholeNumber(0))
    .option('--fates', 'the exact odds and number of routes of every ending')
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
    .action((file: string | undefined, options) => {
      setExit(
        runCheck(file, options, { out: (t) => console.log(t), err: (t) => console.error(t), progress: process.stderr }),
      );
    });

  program
    .command('map')
    .description('print the scene graph: an outline, a Mermaid flowchart or a Graphviz digraph')
    .argument('[file]', 'story file (default: the shipped story)')
    .addOption(new Option('--format <format>', 'outline, mermaid or dot').choices(MAP_FORMATS).default('outline'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .action((file: string | undefined, options) => setExit(runMap(file, options, { out: (t) => console.log(t) })));

  // Run in the background by the game to prepare its ending screen's numbers; not for people.
  program
    .command('warm-fates', { hidden: true })
    .argument('[file]')
    .addOption(new Option('--max-states <n>').argParser(wholeNumber(1)).default(BACKGROUND_MAX_STATES))
    .addOption(new Option('--cpu-seconds <n>').argParser(wholeNumber(1)).default(BACKGROUND_CPU_SECONDS))
    .option('--verbose', 'say where the numbers were stored')
    .action((file: string | undefined, options: { maxStates: number; cpuSeconds: number; verbose?: boolean }) => {
      setExit(
        runWarmFates(file, options.maxStates, options.verbose ? (t) => console.log(t) : undefined, options.cpuSeconds),
      );
    });

  return program;
}

/** Runs the CLI and returns the exit code; never throws, never prints a stack trace unless asked. */
export async function main(argv: string[], startUp: StartUp = NO_START_UP): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram((c) => (code = c), startUp);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
        ? EXIT_OK
        : EXIT_BAD_INPUT;
    }
    if (error instanceof UserError) {
      console.error(error.message.startsWith('pusher') ? error.message : `pusher: ${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`pusher: internal error: ${message}`);
    if (process.env['PUSHER_DEBUG'] && error instanceof Error) console.error(error.stack);
    return EXIT_FAILURE;
  }
}
