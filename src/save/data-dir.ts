import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where saves and the profile live: `$PUSHER_HOME/data` when PUSHER_HOME is set (tests,
 * portable installs), else the platform's data folder (XDG_DATA_HOME on Linux). The fate
 * cache sits beside it in `$PUSHER_HOME/cache` (src/cli/fate-cache.ts).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env['PUSHER_HOME'];
  if (home) return join(home, 'data');
  return envPaths('pusher', { suffix: '' }).data;
}
