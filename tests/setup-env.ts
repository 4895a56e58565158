import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Runs before every test file, before Ink is imported. CI machines set CI=true, which makes
// Ink draw only a final frame; the component tests read every frame, so they run as on a
// developer's machine. (The end-to-end tests start the binary with their own environment.)
process.env['CI'] = 'false';
process.env['CONTINUOUS_INTEGRATION'] = 'false';
// Tests own their data: no background fate warm-ups, and whatever a binary they start
// writes (saves, the profile, code caches) goes to a folder of this test file's, never to
// the developer's own. Tests that need a particular home still pass their own.
process.env['PUSHER_NO_FATE_WARMUP'] = '1';
const home = mkdtempSync(join(tmpdir(), 'pusher-test-home-'));
process.env['PUSHER_HOME'] = home;
afterAll(() => rmSync(home, { recursive: true, force: true }));
