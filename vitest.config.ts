import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn the real binary; two cores, so keep workers few.
    maxWorkers: 2,
    // Tests own their data: no background fate warm-ups, no saves outside a temp dir.
    env: { PUSHER_NO_FATE_WARMUP: '1' },
  },
});
