// Keys that arrive in one read (a paste, keys typed faster than the terminal is read) and
// Ctrl+Z: every character is a key of its own, in order, as if typed one by one.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, loadStory, renderApp, waitForFrame } from './helpers.js';
import { openGameStore } from '../../src/save/game-store.js';
import { createRedrawSignal } from '../../src/ui/redraw-signal.js';
import { CLEAR_SCREEN } from '../../src/ui/suspend.js';

afterEach(() => cleanup());

const story = loadStory();
const home = () => mkdtempSync(join(tmpdir(), 'pusher-keys-'));

describe('App: several keys in one read', () => {
  it('takes two choices typed together', async () => {
    const app = await renderApp();
    await app.press('12');
    const frame = await waitForFrame(app.frame, (f) => f.includes('She listens.'));
    expect(frame).toContain('› Count the jar.');
    expect(frame).toContain('› Call your mother.');
  });

  it('undoes once for every u of the read', async () => {
    const app = await renderApp({ store: openGameStore(story, home()) });
    await app.press('1', '1', '1');
    await waitForFrame(app.frame, (f) => f.includes('Day 1 · Monday 08:15'));
    await app.press('uu');
    const frame = await waitForFrame(app.frame, (f) => f.includes('Day 1 · Monday 08:05'));
    expect(frame.match(/↶ Undone: Count the jar\./g)).toHaveLength(2);
  });

  it('reads a digit and Enter in one read as two keys', async () => {
    const app = await renderApp();
    await app.press(`1${KEYS.enter}`);
    // 1 counts the jar; Enter takes the highlighted first choice of the scene that follows
    await waitForFrame(app.frame, (f) => f.includes('Day 1 · Monday 08:10'));
  });

  it('skips the typing with the first key of a read and lets the next one choose', async () => {
    const app = await renderApp({ anim: true });
    await app.press('x2');
    await waitForFrame(app.frame, (f) => f.includes('She listens.'));
  });

  it('takes a pasted save name, Enter and all', async () => {
    const app = await renderApp({ store: openGameStore(story, home()) });
    await app.press('1', 's');
    await waitForFrame(app.frame, (f) => f.includes('Saves'));
    await app.press('s');
    await waitForFrame(app.frame, (f) => f.includes('Save as:'));
    await app.press(`run-2u${KEYS.enter}`);
    await waitForFrame(app.frame, (f) => f.includes("Saved as 'run-2u'."));
  });
});

describe('App: Ctrl+Z', () => {
  it('asks the shell around it to suspend, and nothing else', async () => {
    let suspended = 0;
    const app = await renderApp({ anim: true, onSuspend: () => suspended++ });
    const before = app.frame();
    await app.press('\u001a');
    expect(suspended).toBe(1);
    // not a key for the game: the typing goes on
    expect(app.frame()).not.toContain('1) Count the jar.');
    expect(before).not.toContain('1) Count the jar.');
    await app.press('\u001a1');
    expect(suspended).toBe(2);
  });

  it('draws the whole frame again on a cleared screen when asked (after fg)', async () => {
    const redrawSignal = createRedrawSignal();
    const app = await renderApp({ redrawSignal });
    await waitForFrame(app.frame, (f) => f.includes('1) Count the jar.'));
    const writes = app.stdout.frames.length;
    redrawSignal.redraw();
    const after = app.stdout.frames.slice(writes).join('');
    // (the testing library's Ink draws in debug mode; the real redraw is in tests/e2e)
    expect(after.startsWith(CLEAR_SCREEN)).toBe(true);
  });
});
