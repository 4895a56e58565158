// A write that fails at any stage (a full disk at the write or the flush, a refused rename)
// must leave no temporary file behind. The failures are injected into node:fs, since a
// real full disk cannot be had in a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers.js';

const fail = vi.hoisted(() => ({ at: null as null | 'writeFileSync' | 'fsyncSync' | 'renameSync' | 'closeSync' }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const failing =
    <K extends 'writeFileSync' | 'fsyncSync' | 'renameSync' | 'closeSync'>(name: K) =>
    (...args: unknown[]) => {
      if (fail.at === name) {
        fail.at = null;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return (real[name] as (...a: unknown[]) => unknown)(...args);
    };
  return {
    ...real,
    writeFileSync: failing('writeFileSync'),
    fsyncSync: failing('fsyncSync'),
    renameSync: failing('renameSync'),
    closeSync: failing('closeSync'),
  };
});

const { writeAtomic } = await import('../../src/save/atomic-file.js');

afterEach(() => {
  fail.at = null;
});

describe('writeAtomic on failure', () => {
  for (const stage of ['writeFileSync', 'fsyncSync', 'closeSync', 'renameSync'] as const) {
    it(`leaves no temporary file when ${stage} fails, and keeps the old file`, () => {
      const dir = tempDir();
      const path = join(dir, 'profile.json');
      writeAtomic(path, 'old\n');
      fail.at = stage;
      expect(() => writeAtomic(path, 'new\n')).toThrow(/ENOSPC/);
      expect(fail.at, 'the failure was injected').toBeNull();
      expect(readdirSync(dir)).toEqual(['profile.json']);
      expect(readFileSync(path, 'utf8')).toBe('old\n');
    });
  }

  it('still writes when nothing fails', () => {
    const dir = tempDir();
    writeAtomic(join(dir, 'a.json'), 'x');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
});
