import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { GameStdout } from '../../src/ui/game-stdout.js';

function fakeStdout() {
  const written: string[] = [];
  const target = Object.assign(new EventEmitter(), {
    columns: 40,
    rows: 20,
    isTTY: true,
    write: (text: string) => written.push(text) > 0,
  });
  return { target: target as unknown as NodeJS.WriteStream, written, emitter: target };
}

describe('GameStdout', () => {
  it('knows whether the last text written ended its line, escape sequences aside', () => {
    const { target } = fakeStdout();
    const out = new GameStdout(target);
    expect(out.atLineStart).toBe(true);
    out.write('You stopped at Mon 08:00.');
    expect(out.atLineStart).toBe(false);
    out.write('\u001b[?25h');
    expect(out.atLineStart).toBe(false);
    out.write('Seed 7.\n\u001b[2K\u001b[1A');
    expect(out.atLineStart).toBe(true);
  });

  it('folds text to ASCII only when asked, and passes the size and resizes on', () => {
    const plain = fakeStdout();
    new GameStdout(plain.target).write('╭─ Day 1 · Monday');
    expect(plain.written).toEqual(['╭─ Day 1 · Monday']);
    const folded = fakeStdout();
    const out = new GameStdout(folded.target, true);
    out.write('╭─ Day 1 · Monday');
    expect(folded.written).toEqual(['+- Day 1 | Monday']);
    expect([out.columns, out.rows, out.isTTY]).toEqual([40, 20, true]);
    let resized = 0;
    out.on('resize', () => resized++);
    folded.emitter.emit('resize');
    expect(resized).toBe(1);
  });
});
