// Small terminals: an overlay and the message always fit in the rows there are, so their
// top lines never scroll away.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openGameStore } from '../../src/save/game-store.js';
import { branchMap } from '../../src/play/branch-map.js';
import { gallery } from '../../src/save/gallery.js';
import { MAX_SLOT_LENGTH } from '../../src/save/slot-name.js';
import { MIN_OVERLAY_ROWS, overlayRoom } from '../../src/ui/layout.js';
import { BranchMap } from '../../src/ui/components/BranchMap.js';
import { EndingsGallery } from '../../src/ui/components/EndingsGallery.js';
import { HelpOverlay, helpHeight } from '../../src/ui/components/HelpOverlay.js';
import { SaveMenu } from '../../src/ui/components/SaveMenu.js';
import type { SlotRead } from '../../src/save/save-store.js';
import { loadStory, renderApp, resize, waitForFrame } from './helpers.js';

afterEach(() => cleanup());

const story = loadStory();
const lines = (frame: string | undefined) => (frame ?? '').split('\n');

describe('overlayRoom', () => {
  it('gives an overlay what is left beside the meters and the message, one row spare', () => {
    expect(overlayRoom(30, { meters: 7, message: 2, need: MIN_OVERLAY_ROWS })).toEqual({ rows: 20, meters: true });
  });

  it('hides the meters when the overlay would get fewer rows than it needs', () => {
    expect(overlayRoom(20, { meters: 8, message: 0, need: 13 })).toEqual({ rows: 19, meters: false });
    expect(overlayRoom(14, { meters: 8, message: 2, need: MIN_OVERLAY_ROWS })).toEqual({ rows: 11, meters: false });
  });
});

describe('overlays within their rows', () => {
  it('HelpOverlay: the title first and the way back last, at any height', () => {
    for (const width of [80, 40, 20]) {
      for (const maxRows of [3, 6, 9, 12, 15, 18]) {
        const frame = lines(render(<HelpOverlay width={width} tiny={width < 40} maxRows={maxRows} />).lastFrame());
        expect(frame.length).toBeLessThanOrEqual(maxRows);
        expect(frame.find((line) => line.trim() !== '' && !/^[┌─┐]+$/.test(line))).toMatch(/Keys/);
        expect(frame.join('\n')).toContain('Any key goes back');
      }
    }
    expect(helpHeight(80, false)).toBe(16);
  });

  it('BranchMap: the header first and the hint last, options of a long decision scrolled', () => {
    const decisions = branchMap(story, { start: { seed: 7 }, taken: ['count', 'count', 'count'] });
    // from 4 rows: the header, the decision, one of its options and the hint
    for (let maxRows = 4; maxRows <= 10; maxRows++) {
      for (const option of [0, 1, 2]) {
        const frame = lines(
          render(
            <BranchMap decisions={decisions} cursor={{ decision: 1, option }} width={40} maxRows={maxRows} />,
          ).lastFrame(),
        );
        expect(frame.length).toBeLessThanOrEqual(maxRows);
        expect(frame[0]).toContain('Branch map');
        expect(frame.at(-1)).toContain('Enter: go');
        expect(frame.join('\n')).toContain(`› ${option + 1})`);
      }
    }
  });

  it('EndingsGallery and SaveMenu: title first, within their rows', () => {
    const g = gallery(story, { endings: {}, choices: [], seen: [] });
    const slots: SlotRead[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({
      name,
      ok: false,
      problem: 'bad',
      missing: false,
    }));
    // from 6 rows: the title, a two-line summary, one ending and the way back
    for (let maxRows = 6; maxRows <= 9; maxRows++) {
      const ending = lines(render(<EndingsGallery gallery={g} width={30} maxRows={maxRows} />).lastFrame());
      expect(ending.length).toBeLessThanOrEqual(maxRows);
      expect(ending[0]).toBe('Endings');
      for (const naming of [null, 'my-run']) {
        const saves = lines(
          render(<SaveMenu slots={slots} selected={5} naming={naming} width={30} maxRows={maxRows} />).lastFrame(),
        );
        expect(saves.length).toBeLessThanOrEqual(maxRows);
        expect(saves[0]).toBe('Saves');
        expect(saves.join('\n')).toContain('f unreadable');
      }
    }
  });
});

describe('App: a small terminal', () => {
  it('keeps the save menu title and the message on screen at 40x12', async () => {
    const app = await renderApp({ store: openGameStore(story, mkdtempSync(join(tmpdir(), 'pusher-small-'))) });
    resize(app.stdout, 40, 12);
    await app.press('1', 's');
    await waitForFrame(app.frame, (f) => f.includes('Saves'));
    await app.press('s', 'x'.repeat(MAX_SLOT_LENGTH + 1));
    const frame = await waitForFrame(app.frame, (f) => f.includes('A save name has at most'));
    // what a 12-row terminal shows: the last 11 rows of the output (one is left for the cursor)
    const screen = lines(frame).slice(-11).join('\n');
    expect(screen).toContain('Saves');
    expect(screen).toContain(`A save name has at most ${MAX_SLOT_LENGTH} characters.`);
  });

  it('shows the whole help at 40x20 with the meters set aside', async () => {
    const app = await renderApp();
    resize(app.stdout, 40, 20);
    await app.press('?');
    const frame = await waitForFrame(app.frame, (f) => f.includes('Any key goes back'));
    const screen = lines(frame).slice(-19);
    expect(screen.join('\n')).toContain('Keys');
    expect(screen.join('\n')).toContain('Ctrl+C');
  });
});
