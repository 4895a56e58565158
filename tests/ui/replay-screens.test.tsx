import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openGameStore } from '../../src/save/game-store.js';
import { savesFolder } from '../../src/save/save-store.js';
import { replayRun } from '../../src/engine/run.js';
import { branchMap } from '../../src/play/branch-map.js';
import { gallery } from '../../src/save/gallery.js';
import { BranchMap } from '../../src/ui/components/BranchMap.js';
import { EndingsGallery } from '../../src/ui/components/EndingsGallery.js';
import { SaveMenu } from '../../src/ui/components/SaveMenu.js';
import { ContinuePrompt } from '../../src/ui/components/ContinuePrompt.js';
import { KEYS, loadStory, renderApp, waitForFrame } from './helpers.js';

afterEach(() => cleanup());

const story = loadStory();
const home = () => mkdtempSync(join(tmpdir(), 'pusher-ui-test-'));
const COUNT = 'count';
const MOTHER = 'kitchen.call_your_mother';

describe('the new screens, alone', () => {
  it('BranchMap: one line per decision, the highlighted one open with its other options', () => {
    const decisions = branchMap(story, { start: { seed: 7 }, taken: [COUNT, MOTHER] });
    const { lastFrame } = render(
      <BranchMap decisions={decisions} cursor={{ decision: 0, option: 1 }} width={80} maxRows={20} />,
    );
    const frame = lastFrame()!;
    expect(frame).toContain('Branch map · 2 decisions');
    expect(frame).toContain('› Mon 08:00 kitchen ● Count the jar.');
    expect(frame).toMatch(/› 2\) ○ Pay what you have\. \(10 m\)/);
    expect(frame).toContain('Mon 08:05 kitchen ● Call your mother.');
  });

  it('EndingsGallery: found endings by title, the rest as ???, and the totals', () => {
    const g = gallery(story, { endings: { spared: '2025-04-01T10:00:00.000Z' }, choices: ['count'], seen: [] });
    const { lastFrame } = render(<EndingsGallery gallery={g} width={60} maxRows={10} />);
    const frame = lastFrame()!;
    expect(frame).toContain('A Warning 2025-04-01');
    expect(frame.match(/\?\?\?/g)).toHaveLength(2);
    expect(frame).toContain('found 1 of 3 endings, taken 20% of choices');
  });

  it('SaveMenu: slots with where they stand, unreadable ones saying why, and the name being typed', () => {
    const dir = home();
    const store = openGameStore(story, dir);
    const run = { start: { seed: 1 }, taken: [COUNT] };
    store.saveAs('first', run, replayRun(story, run).step.state);
    writeFileSync(join(savesFolder(dir, 'tiny'), 'junk.json'), 'nope');
    const slots = store.slots();
    const list = render(<SaveMenu slots={slots} selected={0} naming={null} width={80} maxRows={10} />).lastFrame()!;
    expect(list).toContain('› 1) first Mon 08:05 · 1 choice');
    expect(list).toContain('2) junk unreadable: it is not valid JSON');
    const naming = render(<SaveMenu slots={slots} selected={0} naming="my-run" width={80} maxRows={10} />).lastFrame()!;
    expect(naming).toContain('Save as: my-run█');
  });

  it('ContinuePrompt: where the run stands and the two ways on', () => {
    const frame = render(
      <ContinuePrompt where="Mon 08:05 in kitchen, 1 choice in" notice={null} selected={0} width={60} />,
    ).lastFrame()!;
    expect(frame).toContain('An unfinished run is waiting.');
    expect(frame).toContain('› 1) Continue');
    expect(frame).toContain('2) New game');
  });
});

describe('App: rewind, branches, gallery and saves', () => {
  it('u and Backspace undo, again and again, back to the start', async () => {
    const app = await renderApp({ store: openGameStore(story, home()) });
    await app.press('1', '2');
    await waitForFrame(app.frame, (f) => f.includes('She listens.'));
    await app.press('u');
    await waitForFrame(
      app.frame,
      (f) => f.includes('↶ Undone: Call your mother.') && f.includes('Day 1 · Monday 08:05'),
    );
    await app.press('\u007f');
    const frame = await waitForFrame(
      app.frame,
      (f) => f.includes('↶ Undone: Count the jar.') && f.includes('Day 1 · Monday 08:00'),
    );
    expect(frame).toContain('1) Count the jar.');
    await app.press('u');
    await waitForFrame(app.frame, (f) => f.includes('Nothing to undo: this is the start of the run.'));
  });

  it('b opens the branch map; choosing another option at a past decision continues from there', async () => {
    const app = await renderApp({ store: openGameStore(story, home()) });
    await app.press('1', '1');
    await waitForFrame(app.frame, (f) => f.includes('Day 1 · Monday 08:10'));
    await app.press('b');
    await waitForFrame(app.frame, (f) => f.includes('Branch map · 2 decisions'));
    await app.press(KEYS.up, '2'); // first decision, its second other option: Pay what you have
    await waitForFrame(app.frame, (f) => f.includes('› 2) ○ Pay what you have.'));
    expect(app.frame()).toContain('Branch map'); // a digit picks; only Enter goes
    await app.press('1', KEYS.enter); // its first other option: Call your mother
    const frame = await waitForFrame(app.frame, (f) => f.includes('↪ Back to Mon 08:00: Call your mother.'));
    expect(frame).toContain('She listens. She sends a little.');
    expect(frame).toContain('1) Go back to the kitchen.');
  });

  it('marks choices never taken in any run as new, and e shows the gallery', async () => {
    const store = openGameStore(story, home());
    const app = await renderApp({ store });
    await waitForFrame(app.frame, (f) => f.includes('1) Count the jar. ✦new'));
    await app.press('1');
    const after = await waitForFrame(app.frame, (f) => f.includes('Day 1 · Monday 08:05'));
    expect(after.slice(after.lastIndexOf('Day 1'))).toContain('1) Count the jar. (5 m)');
    await app.press('4');
    await waitForFrame(app.frame, (f) => f.includes('THE END — Night Falls'));
    await app.press('e');
    const gallery = await waitForFrame(app.frame, (f) => f.includes('found 1 of 3 endings'));
    expect(gallery).toContain('Night Falls');
    expect(gallery).toContain('taken 40% of choices');
  });

  it('s saves under a typed name and loads it back', async () => {
    const dir = home();
    const app = await renderApp({ store: openGameStore(story, dir) });
    await app.press('2');
    await waitForFrame(app.frame, (f) => f.includes('She listens.'));
    await app.press('s');
    await waitForFrame(app.frame, (f) => f.includes('Saves'));
    await app.press('s', 'm', 'u', '/', 'n', 'u', KEYS.enter);
    await waitForFrame(app.frame, (f) => f.includes("Saved as 'munu'."));
    await app.press('1');
    await waitForFrame(app.frame, (f) => f.includes('Day 1 · Monday 08:45'));
    await app.press('s');
    await waitForFrame(app.frame, (f) => f.includes('munu'));
    await app.press(KEYS.down, KEYS.enter); // autosave is first, then munu (the / was refused)
    const loaded = await waitForFrame(app.frame, (f) => f.includes("Loaded 'munu'."));
    expect(loaded.slice(loaded.lastIndexOf("Loaded 'munu'."))).toContain('Day 1 · Monday 08:30');
  });

  it('offers Continue / New game for an unfinished run', async () => {
    const dir = home();
    const store = openGameStore(story, dir);
    const run = { start: { seed: 11 }, taken: [COUNT, MOTHER] };
    store.autosave(run, replayRun(story, run).step.state);
    const offer = { run, notice: null, label: 'the last run' };
    const app = await renderApp({ store, offer });
    expect(app.frame()).toContain('An unfinished run is waiting.');
    expect(app.frame()).toContain('Mon 08:35 in mother, 2 choices in (seed 11)');
    await app.press('c');
    const frame = await waitForFrame(app.frame, (f) => f.includes('1) Go back to the kitchen.'));
    expect(frame).toContain('Continuing the last run: 2 choices in.');

    const other = await renderApp({ store: openGameStore(story, dir), offer });
    await other.press('n');
    await waitForFrame(other.frame, (f) => f.includes('Content note'));
  });
});
