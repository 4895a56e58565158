import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunning, withFileLock } from '../../src/save/file-lock.js';
import { tempDir } from './helpers.js';

/** A pid that ran and has exited: a child that is gone. */
function deadPid(): number {
  let pid = 999_999;
  while (isRunning(pid)) pid--;
  return pid;
}

describe('the profile lock', () => {
  it('is held while the work runs and removed after, even when the work throws', () => {
    const dir = tempDir();
    const lock = join(dir, 'p.lock');
    expect(withFileLock(lock, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(() =>
      withFileLock(lock, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for a live holder, and gives up with a message when it never lets go', () => {
    const dir = tempDir();
    const lock = join(dir, 'p.lock');
    writeFileSync(lock, `${process.pid} ${hostname()} someone\n`);
    const started = Date.now();
    expect(() => withFileLock(lock, () => 1, { waitMs: 200, staleMs: 60_000 })).toThrow(/held by another game/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    // The holder's lock is left alone.
    expect(existsSync(lock)).toBe(true);
  });

  it('breaks a lock whose owner has died, at once', () => {
    const dir = tempDir();
    const lock = join(dir, 'p.lock');
    writeFileSync(lock, `${deadPid()} ${hostname()} crashed\n`);
    expect(withFileLock(lock, () => 'ran', { waitMs: 100, staleMs: 60_000 })).toBe('ran');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks a lock held far longer than any update takes, whoever holds it', () => {
    const dir = tempDir();
    const lock = join(dir, 'p.lock');
    writeFileSync(lock, `${process.pid} another-machine stuck\n`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(withFileLock(lock, () => 'ran', { waitMs: 100, staleMs: 10_000 })).toBe('ran');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks an empty lock (its owner died before writing) once it is a second old', () => {
    const dir = tempDir();
    const lock = join(dir, 'p.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 2000);
    utimesSync(lock, old, old);
    expect(withFileLock(lock, () => 'ran', { waitMs: 100 })).toBe('ran');
  });

  it('never removes a lock that another game took after ours was broken', () => {
    const dir = tempDir();
    const lock = join(dir, 'p.lock');
    withFileLock(lock, () => writeFileSync(lock, `${process.pid} ${hostname()} the-next-game\n`));
    expect(existsSync(lock)).toBe(true);
  });
});
