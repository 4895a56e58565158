// Every problem carries a stable code, the family of the mistake, for programs that read
// `check --json` (the fuzz test holds every message it meets to a family other than 'story').
import { describe, expect, it } from 'vitest';
import { problemCode } from '../../src/story/problem-code.js';
import { HEAD, parseBody } from './helpers.js';

describe('problem codes', () => {
  it('names the family of each kind of mistake', () => {
    const cases: Array<[string, string]> = [
      ["unknown scene 'hase_garage' (did you mean 'hasse_garage'?)", 'unknown-name'],
      ["unknown name 'cahs' (declare it with @var, @flag or @time)", 'unknown-name'],
      ["scene 'a' is already defined at main.pusher:3", 'duplicate'],
      ["'if' must be a condition, not a number", 'type'],
      ["'-' needs a number, not a time", 'type'],
      ['cash starts at 5, outside its range 10..20', 'number-range'],
      ['the chances here add up to 90%, not 100%', 'number-range'],
      ["'3x' is not a duration (write 15m, 2h, 1h30m, a range 30m-2h or until 21:00)", 'time-format'],
      ['these scenes jump to each other with no choice between: a -> b -> a', 'jump-loop'],
      ["'->->' with no tunnel to return from (at t)", 'tunnel'],
      ["scene 'x' has no way out: give it a choice or a jump, or make it an ending", 'no-way-out'],
      ["dead end: no choice is open in 'b'", 'dead-end'],
      ["ending 'e' is never reached", 'unreachable'],
      ["choice 'c' is never seen open: not shown reachable by 200 guided runs", 'never-open'],
      ["'if' blocks nest at most 100 deep: this one is inside 100 others", 'limit'],
      ['this line is not valid UTF-8 (save the file as UTF-8)', 'encoding'],
      ["cannot read 'day.pusher' (looked for /x/day.pusher): it is a FIFO, not a regular file", 'file'],
      ['a chance line reads `40% -> scene`', 'syntax'],
    ];
    for (const [message, code] of cases) expect(problemCode(message), message).toBe(code);
  });

  it('reaches every problem the parser reports', () => {
    const { problems } = parseBody(['=== a', '* Go. [1h] -> nowhere', 'if cash > 1', 'x', ''].join('\n'), HEAD);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.code, problem.message).not.toBe('story');
  });
});
