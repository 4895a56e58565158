import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Games autosave and keep a profile: every test, and every binary a test spawns, writes
// into this throwaway folder, never into the real data folder.
const home = mkdtempSync(join(tmpdir(), 'pusher-vitest-home-'));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn the real binary; two cores, so keep workers few.
    maxWorkers: 2,
    // Tests own their data: no background fate warm-ups, no saves outside a temp dir.
    env: { PUSHER_NO_FATE_WARMUP: '1', PUSHER_HOME: home },
    // Runs before each test file: CI machines set CI=true, which changes how Ink draws.
    setupFiles: ['tests/setup-env.ts'],
  },
});
