// A stable code for every problem a story can have, for programs reading `check --json`:
// the message is for people and may be reworded; the code names the family of the mistake.
// Codes are matched on the message's fixed wording, first match wins; a new message that
// fits no family gets 'story', which a test over fuzzed stories refuses.

export const PROBLEM_CODES = [
  'file',
  'encoding',
  'limit',
  'look-alike',
  'unknown-name',
  'duplicate',
  'type',
  'number-range',
  'time-format',
  'syntax',
  'jump-loop',
  'tunnel',
  'event',
  'meter',
  'no-way-out',
  'dead-end',
  'unreachable',
  'never-open',
  'unproven',
  'story',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

const FAMILIES: Array<[ProblemCode, RegExp]> = [
  ['file', /^cannot read|not a regular file|the most this game reads|story file/],
  ['encoding', /not valid UTF-8/],
  ['limit', /nest at most|nested too deeply|too long \(more than|inside one another|at most \d+ deep/],
  ['look-alike', /start the line with \\|starts with `~`|starts with three|whole percentage|a jump reads/],
  ['dead-end', /^dead end/],
  ['unproven', /^unproven/],
  ['jump-loop', /jump to each other with no choice/],
  ['tunnel', /tunnel|->->|return/],
  ['unknown-name', /^unknown |is not declared|no such/],
  ['duplicate', /is already (declared|defined|used|set|included|said)|includes itself|has one '/],
  ['meter', /meter/],
  ['event', /^an event|event's own body|events? cannot|@on /],
  ['type', /must be .*, not |needs (a|an|two) [^,]*, not |cannot combine|takes \d+ argument|is a flag: set it|is kept by the game|cannot be declared/],
  ['number-range', /outside its range|is out of range|is empty|too large|at most 100%|more than 0%|add up to|safe/],
  ['time-format', /must cost time|time of the week|not a duration|range of durations|time of day|too long a time|must run from less|above 0m|until 21:00/],
  ['never-open', /never available|never seen open/],
  ['unreachable', /unreachable|never reached|not shown reachable|is not shown/],
  ['no-way-out', /no way out|leads nowhere|costs no time|has no label|cannot offer choices|cannot jump on|is not an ending|is an ending/],
  [
    'syntax',
    /reads `|needs |takes at most one|names no|only endings|unclosed|unmatched|has no 'end'|without an 'if'|after 'else'|not a (valid|scene id|keyword)|outside a scene|after the choices|belongs on the indented|only @on takes|unexpected|expected|ends before|is not a |'\)'|missing|empty|must start|cannot be/,
  ],
];

/** The family of a problem, from its message. */
export function problemCode(message: string): ProblemCode {
  for (const [code, pattern] of FAMILIES) if (pattern.test(message)) return code;
  return 'story';
}
