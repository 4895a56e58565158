import { describe, expect, it } from 'vitest';
import { HIDE_CURSOR, SHOW_CURSOR, suspendTerminal } from '../../src/ui/suspend.js';
import { keyAction, keyPresses } from '../../src/ui/keys.js';

const none = {} as Parameters<typeof keyAction>[1];

function fakeTerminal(raw = true) {
  const log: string[] = [];
  const stdin = {
    isTTY: true,
    isRaw: raw,
    setRawMode(mode: boolean) {
      stdin.isRaw = mode;
      log.push(mode ? 'raw' : 'cooked');
    },
  };
  const stdout = { isTTY: true, write: (text: string) => log.push(text) };
  return { stdin, stdout, log, stop: () => log.push(`stopped (${stdin.isRaw ? 'raw' : 'cooked'})`) };
}

describe('suspendTerminal', () => {
  it('gives the terminal back before stopping and takes it again after', () => {
    const terminal = fakeTerminal();
    suspendTerminal(terminal);
    expect(terminal.log).toEqual(['cooked', SHOW_CURSOR, 'stopped (cooked)', 'raw', HIDE_CURSOR]);
  });

  it('leaves raw mode alone when the game was not in it', () => {
    const terminal = fakeTerminal(false);
    suspendTerminal(terminal);
    expect(terminal.log).toEqual([SHOW_CURSOR, 'stopped (cooked)', HIDE_CURSOR]);
  });
});

describe('keys', () => {
  it('reads Ctrl+Z as suspend, as Ink names it and as the raw character', () => {
    expect(keyAction('z', { ...none, ctrl: true })).toEqual({ type: 'suspend' });
    expect(keyAction('\u001a', none)).toEqual({ type: 'suspend' });
    expect(keyAction('z', none)).toEqual({ type: 'other' });
  });

  it('splits a read into one key per character, named keys with no text as Ink gives them', () => {
    expect(keyPresses('u1\r\u007fq\u001a\u0003', none)).toEqual([
      { action: { type: 'undo' }, input: 'u' },
      { action: { type: 'digit', n: 1 }, input: '1' },
      { action: { type: 'enter' }, input: '' },
      { action: { type: 'undo' }, input: '' },
      { action: { type: 'quit' }, input: 'q' },
      { action: { type: 'suspend' }, input: '\u001a' },
      { action: { type: 'interrupt' }, input: '\u0003' },
    ]);
  });

  it('keeps a single key, and the key Ink named, as they came', () => {
    expect(keyPresses('', { ...none, upArrow: true })).toEqual([{ action: { type: 'up' }, input: '' }]);
    expect(keyPresses('7', none)).toEqual([{ action: { type: 'digit', n: 7 }, input: '7' }]);
    // a character outside the BMP is one key, not two halves
    expect(keyPresses('😀1', none).map((press) => press.input)).toEqual(['😀', '1']);
  });
});
