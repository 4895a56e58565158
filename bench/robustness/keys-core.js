// Random keystrokes into the Ink app (ink-testing-library, in process), with a real store in
// a temporary folder so saves, loads, the branch map and the gallery all run. Whenever the
// game leaves (q then y, Ctrl+C, …) a new sitting starts. No key may crash it: no error
// thrown, none logged by React or Ink, and every frame drawn is text.
import React from 'react';
import { render } from 'ink-testing-library';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStory } from '../../src/story/parse-story.ts';
import { openGameStore } from '../../src/save/game-store.ts';
import { App } from '../../src/ui/components/App.tsx';
import { random } from './fuzz-core.js';

const KEYS = [
  ...'0123456789',
  '1',
  '1',
  '2',
  '2',
  '3',
  '\r',
  '\r',
  '\r',
  '\u001b[A',
  '\u001b[B',
  '\u001b[C',
  '\u001b[D',
  '\u001b',
  'u',
  'b',
  'e',
  's',
  '?',
  'q',
  'y',
  'n',
  'r',
  'c',
  'x',
  ' ',
  '\u007f',
  '\b',
  '\t',
  '\u0003',
  'a',
  'Z',
  'é',
  '😀',
  '\u001b[1;5A',
  '\u001b[5~',
  '\u001bOP',
  'save me',
  'qy',
  '\u0000',
];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function loadStory(root, file) {
  const path = join(root, file);
  const result = parseStory(path, (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  });
  if (!result.story) throw new Error(`${file} did not parse`);
  return result.story;
}

/** Sends `count` random keys; returns { keys, sittings, frames, failures }. */
export async function randomKeys({ root, count, seed = 1, story: file = 'story/main.pusher', pauseMs = 2 }) {
  const story = loadStory(root, file);
  const home = mkdtempSync(join(tmpdir(), 'pusher-keys-'));
  const rng = random(seed);
  const failures = [];
  const errors = [];
  const originalError = console.error;
  console.error = (...args) => errors.push(args.map(String).join(' '));
  const onUncaught = (error) => errors.push(`uncaught: ${error?.stack ?? error}`);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  let sittings = 0;
  let frames = 0;
  let sent = 0;
  try {
    while (sent < count && failures.length < 10) {
      sittings++;
      let left = false;
      const view = render(
        React.createElement(App, {
          story,
          seed: rng.int(1_000_000),
          scripted: [],
          anim: rng.next() < 0.3,
          debug: rng.next() < 0.1,
          newSeed: () => rng.int(1_000_000),
          onExit: () => (left = true),
          store: openGameStore(story, home),
        }),
      );
      await sleep(20);
      while (!left && sent < count) {
        const key = rng.pick(KEYS);
        sent++;
        try {
          view.stdin.write(key);
        } catch (error) {
          failures.push({ key: sent, why: `write threw: ${error?.stack ?? error}` });
        }
        await sleep(pauseMs);
        const frame = view.lastFrame();
        if (typeof frame !== 'string') failures.push({ key: sent, why: 'no frame' });
        frames++;
        if (errors.length) failures.push({ key: sent, why: errors.splice(0).join('\n').slice(0, 2000), frame });
      }
      await sleep(5);
      view.unmount();
      view.cleanup?.();
    }
  } finally {
    console.error = originalError;
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    rmSync(home, { recursive: true, force: true });
  }
  return { keys: sent, sittings, frames, failures };
}
