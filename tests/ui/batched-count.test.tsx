import { afterEach, describe, expect, it } from 'vitest';
import { Static, Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { useBatchedCount } from '../../src/ui/hooks/use-batched-count.js';
import { waitUntil } from './helpers.js';

afterEach(() => cleanup());

/** History the way the App prints it: <Static> items, handed over by useBatchedCount. */
function History({ items, batch }: { items: string[]; batch: number }) {
  const count = useBatchedCount(items.length, batch);
  return (
    <>
      <Static items={items.slice(0, count)}>{(item) => <Text key={item}>{item}</Text>}</Static>
      <Text>
        live {count}/{items.length}
      </Text>
    </>
  );
}

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `item ${i + 1}`);
/** The history lines of a frame (ink-testing-library's frames hold all static output so far). */
const printed = (frame: string | undefined) => (frame ?? '').split('\n').filter((line) => line.startsWith('item '));

describe('useBatchedCount: a long history reaches <Static> a batch per frame', () => {
  it('prints every item once, in order, a batch at a time', async () => {
    const app = render(<History items={numbered(10)} batch={3} />);
    expect(app.frames[0]).toContain('live 3/10');
    expect(printed(app.frames[0])).toEqual(numbered(3));
    await waitUntil(() => app.lastFrame()!.includes('live 10/10'));
    expect(printed(app.lastFrame())).toEqual(numbered(10));
  });

  it('hands over a few new items at once, in the same frame', async () => {
    const app = render(<History items={numbered(2)} batch={3} />);
    expect(app.lastFrame()).toContain('live 2/2');
    const before = app.frames.length;
    app.rerender(<History items={numbered(5)} batch={3} />);
    expect(app.frames[before]).toContain('live 5/5');
    expect(printed(app.frames[before])).toEqual(numbered(5));
  });
});
