// What each command's --help says after its options: examples, the environment variables it
// reads and its exit codes. Kept as data, so a test can hold it to what the code reads.
import { wrapText } from '../text/wrap-text.js';

export type CommandName = 'pusher' | 'play' | 'check' | 'map' | 'saves' | 'endings';

/** Every environment variable the game reads, with what it does. */
export const ENVIRONMENT: Record<string, string> = {
  PUSHER_HOME: 'keep saves, the profile and caches in $PUSHER_HOME/data and $PUSHER_HOME/cache',
  XDG_DATA_HOME: 'where saves and the profile go without PUSHER_HOME (Linux; macOS and Windows use their own folders)',
  XDG_CACHE_HOME: 'where the compiled code and the ending numbers are cached without PUSHER_HOME (Linux)',
  NO_COLOR: 'any non-empty value: no colours (as --no-color)',
  FORCE_COLOR: 'colours even when the terminal does not say it has them (0 to 3)',
  INK_SCREEN_READER: 'true: screen-reader mode, as --screen-reader',
  PUSHER_NO_ANIM: 'any value: no typewriter effect (as --no-anim)',
  PUSHER_NO_FATE_WARMUP: 'any value: never count the ending numbers in the background',
  PUSHER_DEBUG: 'any value: print the stack of an internal error',
  TERM: 'dumb: play in plain text (no full-screen interface)',
  LC_ALL: 'the locale, read first: one that is not UTF-8 gets ASCII only',
  LC_CTYPE: 'the locale, read when LC_ALL is not set',
  LANG: 'the locale, read when neither LC_ALL nor LC_CTYPE is set',
};

const USES: Record<CommandName, string[]> = {
  pusher: Object.keys(ENVIRONMENT),
  play: Object.keys(ENVIRONMENT),
  // every command keeps its compiled code in the cache folder (src/cli/boot.ts)
  check: ['PUSHER_HOME', 'XDG_CACHE_HOME', 'PUSHER_DEBUG'],
  map: ['PUSHER_HOME', 'XDG_CACHE_HOME', 'PUSHER_DEBUG'],
  saves: ['PUSHER_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'PUSHER_DEBUG'],
  endings: ['PUSHER_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'PUSHER_DEBUG'],
};

const EXAMPLES: Record<CommandName, Array<[string, string]>> = {
  pusher: [
    ['pusher', 'play the shipped story (offers to continue an unfinished run)'],
    ['pusher play --seed 42', 'a run you can replay exactly'],
    ['pusher check my.pusher', 'prove a story you are writing'],
    ['pusher endings', 'the endings you have found'],
    ['pusher play --help', 'everything about one command'],
  ],
  play: [
    ['pusher play --seed 42', 'chance fixed by the seed: the same choices give the same run'],
    ['pusher play --seed 42 --choices 2,1,3', 'play those choices first (what an ending screen prints)'],
    ['pusher play --plain', 'plain lines: numbered choices, one number per line'],
    ['printf "1\\n2\\n" | pusher', 'piped input plays plain'],
    ['pusher play --transcript week.txt', 'write the run as readable text as it goes'],
    ['pusher play --continue', 'pick up the unfinished run'],
    ['pusher play --screen-reader', 'linear text for a screen reader'],
    ['pusher play my.pusher --from kitchen --set cash=500 --debug', 'try one scene of a story'],
  ],
  check: [
    ['pusher check', 'prove the shipped story'],
    ['pusher check my.pusher --json', 'one JSON object (docs/json.md)'],
    ['pusher check --random 10000 --seed 1', 'where 10,000 seeded random weeks end'],
    ['pusher check --fates', 'the exact odds of every ending'],
    ['pusher check --fates --approximate', 'odds as doubles within a stated error bound: faster'],
    ['pusher check --save-fates', "write the ending screen's numbers beside the story (.fates)"],
    ['pusher check --save-fates --random 100000', 'the same from 100,000 seeded random weeks'],
    ['pusher check --save-witnesses', 'store the runs that prove it, for a fast next check'],
  ],
  map: [
    ['pusher map', 'every scene and where its choices lead'],
    ['pusher map --format mermaid -o week.mmd', 'a Mermaid flowchart, written to a file'],
    ['pusher map my.pusher --format dot | dot -Tsvg > map.svg', 'a Graphviz drawing'],
  ],
  saves: [
    ['pusher saves', 'the autosave and named saves of the shipped story'],
    ['pusher saves --json', 'the same as one JSON object (docs/json.md)'],
  ],
  endings: [
    ['pusher endings', 'endings found so far; the others stay ???'],
    ['pusher endings --json', 'the same as one JSON object (docs/json.md)'],
  ],
};

const EXIT_CODES: Record<CommandName, Array<[string, string]>> = {
  pusher: [
    ['0', 'done'],
    ['1', 'internal failure (a bug: PUSHER_DEBUG=1 shows where)'],
    ['2', 'bad input: a story with problems, an unknown command or option, a bad value'],
  ],
  play: [
    ['0', 'the game ended, or the player quit'],
    ['1', 'internal failure'],
    ['2', 'bad input: a story with problems, a bad option, a save that cannot be loaded'],
    ['129, 130, 143', 'stopped by SIGHUP, Ctrl+C (SIGINT), SIGTERM; the run is autosaved'],
  ],
  check: [
    ['0', 'proved: every path ends, every ending and choice is reachable'],
    ['1', 'internal failure'],
    ['2', 'problems in the story (or unproven), or bad input'],
  ],
  map: [
    ['0', 'printed (or written)'],
    ['1', 'internal failure'],
    ['2', 'a story with problems, or bad input'],
  ],
  saves: [
    ['0', 'listed (an unreadable save is listed as such)'],
    ['1', 'internal failure'],
    ['2', 'a story with problems, or bad input'],
  ],
  endings: [
    ['0', 'listed'],
    ['1', 'internal failure'],
    ['2', 'a story with problems, or bad input'],
  ],
};

/** Help is read on terminals of 80 columns. */
const WIDTH = 80;

/** Two columns, the right one wrapped under itself. */
function table(rows: Array<[string, string]>): string[] {
  const left = Math.max(...rows.map(([name]) => name.length)) + 4;
  return rows.flatMap(([name, text]) =>
    wrapText(text, WIDTH - left).map((line, i) => (i === 0 ? `  ${name}`.padEnd(left) : ' '.repeat(left)) + line),
  );
}

/** Each example as a comment saying what it does, then the command. */
function examples(rows: Array<[string, string]>): string[] {
  return rows.flatMap(([command, text]) => [`  # ${text}`, `  $ ${command}`]);
}

/** The text after a command's options in its --help. */
export function helpAfter(command: CommandName): string {
  const env = USES[command].map((name): [string, string] => [name, ENVIRONMENT[name]!]);
  return [
    '',
    'Examples:',
    ...examples(EXAMPLES[command]),
    '',
    'Environment:',
    ...table(env),
    '',
    'Exit codes:',
    ...table(EXIT_CODES[command]),
  ].join('\n');
}
