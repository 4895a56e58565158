// A stale lock that cannot be moved (a read-only folder) must not spin for ever: the
// wait ends at its deadline with a message. The refusal is injected into node:fs.
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: string, to: string) => {
      if (String(to).includes('.stale-'))
        throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
      return real.renameSync(from, to);
    },
  };
});

const { withFileLock } = await import('../../src/save/file-lock.js');

describe('a stale lock that cannot be broken', () => {
  it('gives up at the deadline instead of spinning', () => {
    const dir = tempDir();
    const lock = join(dir, 'p.lock');
    writeFileSync(lock, '1 elsewhere old\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const started = Date.now();
    expect(() => withFileLock(lock, () => 'ran', { waitMs: 300, staleMs: 1000 })).toThrow(/held by another game/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
