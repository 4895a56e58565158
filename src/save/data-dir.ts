import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * The game's folders: `$PUSHER_HOME/data` and `$PUSHER_HOME/cache` when PUSHER_HOME is set
 * (tests, portable installs), else the platform's own (XDG_DATA_HOME, XDG_CACHE_HOME on Linux).
 * Saves and the profile live in data; the fate numbers in cache.
 */
export function appFolder(kind: 'data' | 'cache', env: NodeJS.ProcessEnv = process.env): string {
  const home = env['PUSHER_HOME'];
  if (home) return join(home, kind);
  return envPaths('pusher', { suffix: '' })[kind];
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return appFolder('data', env);
}
