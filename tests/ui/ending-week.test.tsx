// The ending screen's picture of the week and its replay command (src/present/week-chart.ts,
// src/play/replay-line.ts), drawn by Ink: a sparkline per meter fitted to the width, words
// for a screen reader.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { listChoices, startGame, takeChoice } from '../../src/engine/index.js';
import { EndingScreen } from '../../src/ui/components/EndingScreen.js';
import { ReplayFileContext } from '../../src/ui/replay-file-context.js';
import { loadStory } from './helpers.js';

const story = loadStory();
const BLOCK = /[\u2581-\u2588]/;

/** Count the jar, then hide until dark: the timeout ending, the clock stopped at Mon 20:00. */
function endedState() {
  let state = startGame(story, { seed: 7 }).state;
  for (const label of ['Count', 'Hide']) {
    const choice = listChoices(story, state).find((c) => c.label.startsWith(label))!;
    const result = takeChoice(story, state, choice.id);
    if (!result.ok) throw new Error(result.reason);
    state = result.state;
  }
  return state;
}

const saved = process.env['INK_SCREEN_READER'];
afterEach(() => {
  if (saved === undefined) delete process.env['INK_SCREEN_READER'];
  else process.env['INK_SCREEN_READER'] = saved;
});

describe('EndingScreen: the week and the replay command', () => {
  it('draws debt and time left as sparklines as wide as the screen, with the day marks under them', () => {
    const state = endedState();
    expect(state.ending).toBe('out_of_time');
    const frame = render(<EndingScreen story={story} state={state} width={60} />).lastFrame()!;
    const lines = frame.split('\n');
    const debt = lines.find((line) => line.startsWith('Debt '))!;
    const time = lines.find((line) => line.startsWith('Time '))!;
    expect(debt).toMatch(/^Debt {2}[\u2581-\u2588]{54}$/);
    expect(time).toMatch(/^Time {2}\u2588[\u2581-\u2588]{52}\u2581$/);
    expect(frame).toContain('1,000 kr throughout');
    expect(frame).toContain('overdue 8 h to 4 h left');
    expect(lines).toContain('      Mon');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('prints the command that replays the run, naming a story file given on the command line', () => {
    const state = endedState();
    const shipped = render(<EndingScreen story={story} state={state} width={80} />).lastFrame()!;
    expect(shipped).toContain('Play this run again:\npusher play --seed 7 --choices 1,4');
    const named = render(
      <ReplayFileContext.Provider value="my.pusher">
        <EndingScreen story={story} state={state} start={{ seed: 7, set: { cash: 200 } }} width={80} />
      </ReplayFileContext.Provider>,
    ).lastFrame()!;
    expect(named).toContain('pusher play my.pusher --seed 7 --set cash=200 --choices 1,4');
  });

  it('says the week in words in screen-reader mode, with no blocks to read out', () => {
    process.env['INK_SCREEN_READER'] = 'true';
    const frame = render(<EndingScreen story={story} state={endedState()} width={60} />).lastFrame()!;
    expect(frame).toContain('Start, Mon 08:00: debt 1,000 kr, 4 h left.');
    expect(frame).toContain('End, Mon 20:00: debt 1,000 kr, overdue 8 h.');
    expect(frame).not.toMatch(BLOCK);
  });
});
