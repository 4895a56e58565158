import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openGameStore } from '../../src/save/game-store.js';
import { replayRun } from '../../src/engine/run.js';
import { KEYS, loadStory, renderApp, waitForFrame, waitUntil } from './helpers.js';

afterEach(() => cleanup());

const story = loadStory();

describe('App: leaving at the Continue prompt', () => {
  for (const [how, key, code] of [
    ['q', 'q', 0],
    ['Ctrl+C', KEYS.ctrlC, 130],
  ] as const) {
    it(`says the unfinished run is kept, and nothing of a run that never started (${how})`, async () => {
      const store = openGameStore(story, mkdtempSync(join(tmpdir(), 'pusher-farewell-')));
      const run = { start: { seed: 11 }, taken: ['count'] };
      store.autosave(run, replayRun(story, run).step.state);
      const app = await renderApp({ store, offer: { run, notice: null, label: 'the last run' } });
      await waitForFrame(app.frame, (f) => f.includes('An unfinished run is waiting.'));
      await app.press(key);
      await waitUntil(() => app.exits.length > 0);
      expect(app.exits).toEqual([code]);
      const all = app.stdout.frames.join('');
      const last = app.frame();
      expect(last).toContain('The unfinished run is kept: pusher play --continue picks it up.');
      expect(all).not.toContain('You stopped at');
      expect(all).not.toContain('Seed 7');
      expect(all).not.toContain('Content note');
    });
  }
});
