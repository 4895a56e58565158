// Text the UI wraps itself (Ink's own wrapping keeps the space it breaks at, so the next line
// starts with one): every line within the width, none starting with a space.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { openSession, playScripted } from '../../src/play/session.js';
import { EndingScreen } from '../../src/ui/components/EndingScreen.js';
import { Farewell } from '../../src/ui/components/Farewell.js';
import { StatusLine } from '../../src/ui/components/StatusLine.js';
import { ContinuePrompt } from '../../src/ui/components/ContinuePrompt.js';
import { HistoryEntry } from '../../src/ui/components/HistoryEntry.js';
import { loadStory } from './helpers.js';

const story = loadStory();

/** `hanging`: the indents a layout sets on purpose (a column of clocks, the choice markers) */
function expectTidy(frame: string | undefined, width: number, hanging: number[] = []): string[] {
  const lines = (frame ?? '').split('\n').filter((line) => line !== '');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines) {
    const indent = /^ */.exec(line)![0].length;
    if (indent > 0) expect(hanging).toContain(indent);
    expect(line.length).toBeLessThanOrEqual(width);
  }
  return lines;
}

describe('lines the UI wraps', () => {
  it('the farewell, in each of its forms', () => {
    for (const props of [{ ended: false }, { ended: true }, { ended: false, atOffer: true }]) {
      expectTidy(render(<Farewell clock={480} seed={123456} width={14} {...props} />).lastFrame(), 14);
    }
  });

  it('the ending screen', () => {
    const session = playScripted(openSession(story, { seed: 7 }), [4]);
    expect(session.step.state.ending).not.toBeNull();
    const lines = expectTidy(
      render(<EndingScreen story={story} state={session.step.state} width={22} />).lastFrame(),
      22,
      // decisions hang under their text after the clock (11); the week chart's ranges and days stand
      // under its lines (6); the replay command goes on under itself (2)
      [11, 6, 2],
    );
    expect(lines.join(' ')).toContain('THE END — Night Falls');
  });

  it('the status line, the Continue prompt and a notice', () => {
    const status = [
      { name: 'cash', label: 'Cash', value: 12000, type: 'int' as const, unit: 'kr' },
      { name: 'heat', label: 'Heat', value: 3, type: 'int' as const, unit: null },
      { name: 'nerve', label: 'Nerve', value: 2, type: 'int' as const, unit: null },
    ];
    expectTidy(render(<StatusLine status={status} deltas={[]} width={16} />).lastFrame(), 16);
    expectTidy(
      render(
        <ContinuePrompt where="Mon 08:05 in kitchen, 1 choice in (seed 11)" notice={null} selected={0} width={18} />,
      ).lastFrame(),
      18,
      [2],
    );
    const notice = { kind: 'notice' as const, id: 1, text: 'The story has changed since this run was saved.' };
    expectTidy(render(<HistoryEntry item={notice} story={story} width={16} />).lastFrame(), 16);
  });

  it('a choice taken, hanging under its marker', () => {
    const pick = { kind: 'pick' as const, id: 1, label: 'Hide under the bed until it is dark.', moved: '' };
    const lines = (render(<HistoryEntry item={pick} story={story} width={16} />).lastFrame() ?? '').split('\n');
    expect(lines[0]).toBe('› Hide under the');
    expect(lines.slice(1).filter(Boolean)).toEqual(['  bed until it', '  is dark.']);
  });
});
