import { render } from 'ink-testing-library';
import { parseStory } from '../../src/story/parse-story.js';
import { readFileSync } from 'node:fs';
import type { Story } from '../../src/story/types.js';
import { App, type AppProps } from '../../src/ui/components/App.js';

export const TINY = 'tests/fixtures/tiny.pusher';

/** Parses a story from memory (or the tiny fixture), failing loudly on problems. */
export function loadStory(source = readFileSync(TINY, 'utf8')): Story {
  const result = parseStory('story.pusher', (path) => (path === 'story.pusher' ? source : undefined));
  if (!result.story) throw new Error(`story did not parse: ${JSON.stringify(result.problems)}`);
  return result.story;
}

export const KEYS = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  ctrlC: '\u0003',
  escape: '\u001b',
};

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the frame passes `check`, so tests wait for effects and timers without guessing. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  check: (frame: string) => boolean,
  timeout = 2000,
): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (check(frame)) return frame;
    if (Date.now() > until) throw new Error(`timed out waiting; last frame:\n${frame}`);
    await delay(10);
  }
}

/** Polls until `check` holds. */
export async function waitUntil(check: () => boolean, timeout = 2000): Promise<void> {
  const until = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await delay(10);
  }
}

/** Renders the App on the tiny story, no animation, and waits for the first frame's input hook. */
export async function renderApp(props: Partial<AppProps> = {}) {
  const exits: number[] = [];
  const story = props.story ?? loadStory();
  const view = render(
    <App
      story={story}
      seed={7}
      scripted={[]}
      anim={false}
      debug={false}
      newSeed={() => 99}
      onExit={(code) => exits.push(code)}
      {...props}
    />,
  );
  // useInput subscribes in an effect after the first frame: keys written earlier are lost.
  await delay(30);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      view.stdin.write(key);
      await delay(30);
    }
  };
  return { ...view, story, exits, press, frame: () => view.lastFrame() ?? '' };
}

/** Makes the fake terminal `columns` wide (and `rows` high) and tells Ink, as a real resize would. */
export function resize(stdout: NodeJS.EventEmitter, columns: number, rows?: number): void {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  if (rows !== undefined) Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  stdout.emit('resize');
}
