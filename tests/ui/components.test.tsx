import { afterEach, describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { readMeters, startGame, takeChoice, meterDeltas, listChoices } from '../../src/engine/index.js';
import { nextDeadlineWindow } from '../../src/present/meter-danger.js';
import { layoutFor } from '../../src/ui/layout.js';
import { MetersPanel } from '../../src/ui/components/MetersPanel.js';
import { MeterBar } from '../../src/ui/components/MeterBar.js';
import { ChoiceList } from '../../src/ui/components/ChoiceList.js';
import { withRealCosts } from '../../src/tools/real-cost.js';
import { EndingScreen } from '../../src/ui/components/EndingScreen.js';
import { HistoryEntry } from '../../src/ui/components/HistoryEntry.js';
import { EndingShareContext } from '../../src/ui/ending-share-context.js';
import { loadStory } from './helpers.js';

const story = loadStory();
const start = startGame(story, { seed: 7 });

function after(state: typeof start.state, id: string) {
  const result = takeChoice(story, state, id);
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

describe('MetersPanel', () => {
  it('shows day, clock, debt and time with bars, and the status line', () => {
    const meters = readMeters(story, start.state);
    const { lastFrame } = render(
      <MetersPanel
        meters={meters}
        deltas={null}
        window={nextDeadlineWindow(null, meters)}
        layout={layoutFor(100)}
        sr={false}
      />,
    );
    const frame = lastFrame()!;
    expect(frame).toContain('Day 1 · Monday 08:00');
    expect(frame).toContain('deadline Mon 12:00');
    expect(frame).toMatch(/Debt +1,000 kr +█+░+/);
    expect(frame).toMatch(/Time +4 h left +█+/);
    expect(frame).toContain('Cash 200 kr');
  });

  it('shows what the last choice moved', () => {
    const pay = listChoices(story, start.state).find((c) => c.label.startsWith('Pay'))!;
    const state = after(start.state, pay.id);
    const meters = readMeters(story, state);
    const { lastFrame } = render(
      <MetersPanel
        meters={meters}
        deltas={meterDeltas(story, start.state, state)}
        window={nextDeadlineWindow(null, readMeters(story, start.state))}
        layout={layoutFor(100)}
        sr={false}
      />,
    );
    const frame = lastFrame()!;
    expect(frame).toContain('\u2212200 kr');
    expect(frame).toContain('\u221210 m');
    expect(frame).toContain('Cash 0 kr (\u2212200 kr)');
  });

  it('stacks the bars under their readings when narrow', () => {
    const meters = readMeters(story, start.state);
    const { lastFrame } = render(
      <MetersPanel
        meters={meters}
        deltas={null}
        window={nextDeadlineWindow(null, meters)}
        layout={layoutFor(40)}
        sr={false}
      />,
    );
    const lines = lastFrame()!.split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines.some((line) => line.includes('Time 4 h left by Mon 12:00'))).toBe(true);
  });

  it('speaks plainly to a screen reader: no bars', () => {
    const meters = readMeters(story, start.state);
    const { lastFrame } = render(
      <MetersPanel
        meters={meters}
        deltas={null}
        window={nextDeadlineWindow(null, meters)}
        layout={layoutFor(100)}
        sr
      />,
    );
    expect(lastFrame()).toContain('Debt: 1,000 kr.');
    expect(lastFrame()).toContain('Time: 4 h left, getting close.');
    expect(lastFrame()).not.toContain('█');
  });
});

describe('MeterBar colour', () => {
  const level = chalk.level;
  afterEach(() => {
    chalk.level = level;
  });

  it('turns red as danger nears, and carries no colour when chalk is off', () => {
    chalk.level = 1;
    const props = { label: 'Time', value: '1 h left', fraction: 0.1, delta: null, width: 60, narrow: false, sr: false };
    const red = render(<MeterBar {...props} danger="danger" />).lastFrame()!;
    const green = render(<MeterBar {...props} danger="calm" />).lastFrame()!;
    expect(red).toContain('\u001b[31m');
    expect(green).toContain('\u001b[32m');
    chalk.level = 0;
    expect(render(<MeterBar {...props} danger="danger" />).lastFrame()!).not.toContain('\u001b[');
  });
});

describe('ChoiceList', () => {
  const broke = startGame(story, { seed: 7, set: { cash: 0 } });
  const choices = listChoices(story, broke.state);

  it('numbers the open choices and dims locked ones with their reason, unnumbered', () => {
    const frame = render(<ChoiceList choices={choices} selected={0} layout={layoutFor(100)} sr={false} />).lastFrame()!;
    expect(frame).toContain('› 1) Count the jar. (5 m)');
    expect(frame).toContain('  2) Call your mother. (30 m)');
    expect(frame).toContain('–  Pay what you have. (10 m) locked: You have nothing to pay with.');
    expect(frame).toContain('  3) Hide under the bed until it is dark. (12 h)');
  });

  it('moves the highlight', () => {
    const frame = render(<ChoiceList choices={choices} selected={2} layout={layoutFor(100)} sr={false} />).lastFrame()!;
    expect(frame).toContain('› 3) Hide under the bed');
    expect(frame).toContain('  1) Count the jar.');
  });

  it('wraps long labels under themselves at 40 columns', () => {
    const frame = render(<ChoiceList choices={choices} selected={0} layout={layoutFor(40)} sr={false} />).lastFrame()!;
    expect(frame.split('\n').every((line) => line.length <= 40)).toBe(true);
    expect(frame).toMatch(/3\) Hide under the bed until it is\n {5}dark\. \(12 h\)/);
  });

  it('says when there is no way on', () => {
    expect(render(<ChoiceList choices={[]} selected={0} layout={layoutFor(80)} sr={false} />).lastFrame()).toContain(
      'dead end',
    );
  });

  it('shows the real cost in place of the written one, and warns of the deadline before the choice', () => {
    // Tiny at Mon 08:00: hiding twelve hours runs past the noon deadline (and the week's end).
    const costed = withRealCosts(story, start.state, listChoices(story, start.state));
    const frame = render(<ChoiceList choices={costed} selected={0} layout={layoutFor(100)} sr={false} />).lastFrame()!;
    expect(frame).toContain('1) Count the jar. (5 m)');
    expect(frame).toContain('4) Hide under the bed until it is dark. (12 h, past the deadline)');
    const sr = render(<ChoiceList choices={costed} selected={0} layout={layoutFor(100)} sr />).lastFrame()!;
    expect(sr).toContain('4. Hide under the bed until it is dark. (12 h, past the deadline)');
    // a cost the story hides in a scene's waits shows as a range or a fixed hour
    const ranged = costed.map((choice, i) =>
      i === 0
        ? { ...choice, realCost: { start: 480, min: 30, max: 120, until: null, deadline: 'maybe' as const } }
        : choice,
    );
    expect(
      render(<ChoiceList choices={ranged} selected={0} layout={layoutFor(100)} sr={false} />).lastFrame(),
    ).toContain('Count the jar. (30 m\u20132 h, may pass the deadline)');
  });
});

describe('HistoryEntry: the title', () => {
  it('wraps the seed line at 40 columns without starting a line with a space', () => {
    const item = { id: 0, kind: 'title' as const, title: 'Pusher', seed: 215516615, note: null };
    const frame = render(<HistoryEntry item={item} story={story} width={40} />).lastFrame()!;
    const lines = frame.split('\n').filter((line) => line.trim());
    expect(lines.every((line) => line.length <= 40 && !line.startsWith(' '))).toBe(true);
    expect(lines.join(' ')).toContain('Seed 215516615 (play this run again with --seed 215516615)');
  });
});

describe('EndingScreen', () => {
  it('shows the title, days, final debt, seed and the decisions in order', () => {
    let state = after(start.state, 'count');
    state = after(state, listChoices(story, state).find((c) => c.label.startsWith('Hide'))!.id);
    expect(state.ending).toBe('out_of_time');
    const frame = render(<EndingScreen story={story} state={state} width={80} />).lastFrame()!;
    expect(frame).toContain('THE END — Night Falls');
    expect(frame).toContain('Days survived 1 · Final debt 1,000 kr · Seed 7');
    expect(frame).toMatch(
      /How you got here:\nMon 08:00 +Count the jar\.\nMon 08:05 +Hide under the bed until it is dark\./,
    );
    expect(frame).not.toContain('of the ways');
  });

  it('shows the share of the ways the week ends here when the lookup knows it', () => {
    let state = after(start.state, 'count');
    state = after(state, listChoices(story, state).find((c) => c.label.startsWith('Hide'))!.id);
    const asked: string[] = [];
    const lookup = (id: string) => (asked.push(id), '42% of the ways this week can go end here');
    const frame = render(
      <EndingShareContext.Provider value={lookup}>
        <EndingScreen story={story} state={state} width={80} />
      </EndingShareContext.Provider>,
    ).lastFrame()!;
    expect(asked).toContain('out_of_time');
    expect(frame).toContain('42% of the ways this week can go end here');
  });
});
