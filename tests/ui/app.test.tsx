import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { createLeaveSignal } from '../../src/ui/leave-signal.js';
import { KEYS, delay, loadStory, renderApp, resize, waitForFrame, waitUntil } from './helpers.js';

afterEach(() => cleanup());

const FIRST_LINE = 'You owe 1,000 kroner. It is Mon 08:00.';

describe('App: the content note', () => {
  it('heads the first frame, above the first scene and its choices, and waits for nothing', async () => {
    const app = await renderApp();
    const frame = await waitForFrame(app.frame, (f) => f.includes('1) Count the jar.'));
    expect(frame).toContain('Content note: Contains: debt.');
    expect(frame.indexOf('Content note')).toBeLessThan(frame.indexOf(FIRST_LINE));
    await app.press('1');
    await waitForFrame(app.frame, (f) => f.includes('Two hundred, give or take.'));
  });

  it('is not shown again when the run starts over in the same sitting', async () => {
    const app = await renderApp();
    await app.press('4');
    await waitForFrame(app.frame, (f) => f.includes('THE END'));
    await app.press('r');
    const frame = await waitForFrame(app.frame, (f) => f.includes('Seed 99'));
    expect(frame.split('Content note').length - 1).toBe(1);
  });
});

describe('App: choosing', () => {
  it('takes a choice by its digit and moves the scene into history', async () => {
    const app = await renderApp();
    await app.press('1');
    const frame = await waitForFrame(app.frame, (f) => f.includes('Two hundred, give or take.'));
    expect(frame).toContain('› Count the jar.');
    expect(frame).toContain('Time −5 m');
    expect(frame).toContain('Day 1 · Monday 08:05');
  });

  it('moves with arrows and j/k and takes the highlighted choice with Enter', async () => {
    const app = await renderApp();
    await app.press(KEYS.down, 'j');
    await waitForFrame(app.frame, (f) => f.includes('› 3) Pay what you have.'));
    await app.press('k');
    await waitForFrame(app.frame, (f) => f.includes('› 2) Call your mother.'));
    await app.press(KEYS.enter);
    const frame = await waitForFrame(app.frame, (f) => f.includes('She listens. She sends a little.'));
    expect(frame).toContain('Cash 500 kr (+300 kr)');
  });

  it('never takes a locked choice: digits count only the open ones', async () => {
    const app = await renderApp({ set: { cash: 0 } });
    await waitForFrame(app.frame, (f) => f.includes('locked: You have nothing to pay with.'));
    await app.press('3');
    // 3 is "Hide under the bed", the third open choice, not the locked "Pay"
    const frame = await waitForFrame(app.frame, (f) => f.includes('THE END'));
    expect(frame).toContain('› Hide under the bed until it is dark.');
    expect(frame).not.toContain('› Pay what you have.');
  });

  it('says which numbers work when a digit is out of range', async () => {
    const app = await renderApp();
    await app.press('9');
    await waitForFrame(app.frame, (f) => f.includes('Pick a number from 1 to 4.'));
  });

  it('plays --choices first, without waiting for keys', async () => {
    const app = await renderApp({ scripted: [1, 2] });
    const frame = await waitForFrame(app.frame, (f) => f.includes('She listens.'));
    expect(frame).toContain('Contains: debt.'); // the note goes into history instead of waiting
    expect(frame).toContain('› Count the jar.');
    expect(frame).toContain('› Call your mother.');
    expect(frame).toContain('1) Go back to the kitchen.');
  });
});

describe('App: the typewriter', () => {
  it('reveals the scene a little at a time; any key shows it all', async () => {
    const app = await renderApp({ anim: true });
    const early = app.frame();
    expect(early).not.toContain('little money in the jar.');
    expect(early).not.toContain('1) Count the jar.');
    expect(early).toContain('any key: show it all');
    await app.press(' ');
    const frame = await waitForFrame(app.frame, (f) => f.includes('1) Count the jar.'));
    expect(frame).toContain('little money in the jar.');
  });

  it('finishes by itself in a moment', async () => {
    const app = await renderApp({ anim: true });
    await waitForFrame(app.frame, (f) => f.includes('1) Count the jar.'), 3000);
  });

  it('does not take a choice with the key that skips it', async () => {
    const app = await renderApp({ anim: true });
    await app.press('1');
    const frame = await waitForFrame(app.frame, (f) => f.includes('1) Count the jar.'));
    expect(frame).not.toContain('Two hundred');
  });
});

describe('App: the ending', () => {
  it('shows the ending screen, then starts again with a new seed', async () => {
    const app = await renderApp();
    await app.press('1', '4');
    const frame = await waitForFrame(app.frame, (f) => f.includes('THE END — Night Falls'));
    expect(frame).toContain('Days survived 1 · Final debt 1,000 kr · Seed 7');
    expect(frame).toMatch(
      /How you got here:\nMon 08:00 +Count the jar\.\nMon 08:05 +Hide under the bed until it is dark\./,
    );
    expect(frame).toContain('Enter or r: play again with a new seed · u undo · b map · e endings · q quit');
    await app.press('r');
    const again = await waitForFrame(app.frame, (f) => f.includes('Seed 99 (play this run again'));
    expect(again.split('Seed 99')[1]).toContain('1) Count the jar.');
  });

  it('quits from the ending with q', async () => {
    const app = await renderApp();
    await app.press('4', 'q');
    await waitUntil(() => app.exits.length > 0);
    expect(app.exits).toEqual([0]);
    await waitForFrame(app.frame, (f) => f.includes('Seed 7. Goodbye.'));
  });
});

describe('App: help and quitting', () => {
  it('shows the keys on ?, and any key goes back', async () => {
    const app = await renderApp();
    await app.press('?');
    await waitForFrame(app.frame, (f) => f.includes('take the highlighted choice'));
    await app.press('x');
    await waitForFrame(app.frame, (f) => !f.includes('take the highlighted choice'));
    await waitForFrame(app.frame, (f) => f.includes('1) Count the jar.'));
  });

  it('asks before quitting: n keeps playing, y quits', async () => {
    const app = await renderApp();
    await app.press('q');
    await waitForFrame(app.frame, (f) => f.includes('Quit this run? y: quit · n: keep playing'));
    await app.press('n');
    await waitForFrame(app.frame, (f) => !f.includes('Quit this run?'));
    expect(app.exits).toEqual([]);
    await app.press('q', 'y');
    await waitUntil(() => app.exits.length > 0);
    expect(app.exits).toEqual([0]);
    await waitForFrame(app.frame, (f) => f.includes('You stopped at Mon 08:00. Seed 7'));
  });

  it('leaves at once on Ctrl+C, even mid-scene, with code 130', async () => {
    const app = await renderApp({ anim: true });
    await app.press(KEYS.ctrlC);
    await waitUntil(() => app.exits.length > 0);
    expect(app.exits).toEqual([130]);
    await waitForFrame(app.frame, (f) => f.includes('You stopped at Mon 08:00.'));
  });

  it('leaves when the shell asks (a signal)', async () => {
    const leaveSignal = createLeaveSignal();
    const app = await renderApp({ leaveSignal });
    leaveSignal.leave(143);
    await delay(20);
    await waitUntil(() => app.exits.length > 0);
    expect(app.exits).toEqual([143]);
  });
});

describe('App: terminal sizes', () => {
  it('reflows to a narrow terminal on resize, every line within the width', async () => {
    const app = await renderApp();
    resize(app.stdout, 40);
    const frame = await waitForFrame(app.frame, (f) => f.includes('Time 4 h left by Mon 12:00'));
    const live = frame.slice(frame.indexOf('You owe'));
    expect(live.split('\n').every((line) => line.length <= 40)).toBe(true);
    expect(live).toContain('1-9 · u undo · b map · ? keys · q quit');
  });

  it('keeps to a reading width on a very wide terminal', async () => {
    const app = await renderApp();
    resize(app.stdout, 200);
    const frame = await waitForFrame(app.frame, (f) => f.includes('1) Count the jar.'));
    expect(frame.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('degrades below 40 columns without crashing', async () => {
    const app = await renderApp();
    for (const columns of [30, 12]) {
      resize(app.stdout, columns);
      const frame = await waitForFrame(app.frame, (f) =>
        f
          .split('\n')
          .slice(-3)
          .every((line) => line.length <= columns),
      );
      expect(frame).toContain('jar');
    }
    resize(app.stdout, 3);
    await delay(30);
    await waitForFrame(app.frame, (f) => f.includes('You'));
    await app.press('1');
    await waitForFrame(app.frame, (f) => f.includes('Two\nhun'));
  });

  it('moves prose that does not fit into history rather than overflowing the screen', async () => {
    const app = await renderApp();
    resize(app.stdout, 40, 12);
    const frame = await waitForFrame(app.frame, (f) => f.includes('1) Count the jar.') && f.includes('little money'));
    // the prose went to history: printed once, above the meters, no longer part of the live frame
    expect(frame.indexOf('little money')).toBeLessThan(frame.indexOf('Day 1 · Monday'));
  });
});

describe('App: --debug and screen readers', () => {
  it('shows every variable and flag beside the scene', async () => {
    const app = await renderApp({ debug: true });
    const frame = app.frame();
    for (const entry of [
      'scene=kitchen',
      'debt=1,000',
      'deadline=Mon 12:00',
      'cash=200',
      'nerve=1',
      'called_mother=no',
    ]) {
      expect(frame).toContain(entry);
    }
  });

  it('gives a screen reader plain lines: no bars, no borders, no typing', async () => {
    const previous = process.env['INK_SCREEN_READER'];
    process.env['INK_SCREEN_READER'] = 'true';
    try {
      const app = await renderApp({ anim: true, set: { cash: 0 } });
      const frame = await waitForFrame(app.frame, (f) => f.includes('1. Count the jar. (5 m, selected)'));
      expect(frame).toContain('The jar is\nempty.');
      expect(frame).toContain('Locked: Pay what you have. (10 m): You have nothing to pay with.');
      expect(frame).toContain('Debt: 1,000 kr.');
      expect(frame).not.toMatch(/[█╭│]/);
    } finally {
      if (previous === undefined) delete process.env['INK_SCREEN_READER'];
      else process.env['INK_SCREEN_READER'] = previous;
    }
  });
});

describe('App: stories without a note or show values', () => {
  it('starts straight at the first scene', async () => {
    const story = loadStory(`@id bare
@title "Bare"
@start a
@clock Mon 08:00
@timeout Mon 20:00 -> over
@var debt = 10 in 0..100
@time deadline = Mon 12:00

@meter money debt
@meter time deadline
=== a
Nothing here.
* Wait. [1h] -> over

=== ending over "Over"
Done.
`);
    const app = await renderApp({ story });
    await waitForFrame(app.frame, (f) => f.includes('Nothing here.'));
    await app.press('1');
    await waitForFrame(app.frame, (f) => f.includes('THE END — Over'));
  });
});
