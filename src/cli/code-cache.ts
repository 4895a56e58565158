import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { Script } from 'node:vm';
import { writeAtomic } from '../save/atomic-file.js';

/**
 * A CommonJS script run with a V8 code cache, as the v8-compile-cache package does: the
 * commands (boot.ts) and the Ink UI (ink-ui.ts). Much of a start is V8 compiling cold code
 * (the script, then function after function through the first render); the cache, taken
 * once that code has run, lets later starts skip it. The cache is a convenience only:
 * missing, unreadable, corrupt or rejected (another V8) means the script is compiled as
 * usual, and a fresh cache is written.
 */
export interface CachedScript<T> {
  exports: T;
  /** whether V8 accepted a cache written by an earlier start */
  fromCache: boolean;
  /**
   * Writes the cache when this start had no usable one (else does nothing); call it once the
   * code worth caching has run. At most once per start; never throws.
   */
  save(): void;
}

/** Runs the CommonJS file at `path`, with its code cache kept in `cacheFolder`. */
export function runCachedScript<T>(path: string, cacheFolder: string): CachedScript<T> {
  const bytes = readFileSync(path);
  // esbuild writes ASCII, which needs no UTF-8 decoding (and V8 keeps it one byte a character)
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const source = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  // V8 checks its own version and flags and the source's length, not its text: the key
  // names the exact bytes, so an edited build never meets an old cache.
  const key = createHash('sha256')
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}`)
    .digest('hex')
    .slice(0, 24);
  const name = basename(path);
  const cacheFile = join(cacheFolder, `${name}.${key}.v8cache`);
  const cachedData = readOrNothing(cacheFile);
  const script = new Script(source, { filename: path, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(path), module, path, join(path, '..'));

  let saved = fromCache;
  const save = () => {
    if (saved) return;
    saved = true;
    try {
      writeAtomic(cacheFile, script.createCachedData());
      removeOtherCaches(cacheFolder, name, basename(cacheFile));
    } catch {
      // a read-only or full disk: the next start compiles again
    }
  };
  return { exports: module.exports, fromCache, save };
}

function readOrNothing(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Caches of earlier builds or Node versions would only pile up, but two installs that share
 * the cache folder (a global one and npx, say) must not delete each other's at every start:
 * the newest few of a script's caches stay.
 */
const CACHES_KEPT = 3;

function removeOtherCaches(folder: string, name: string, keep: string): void {
  const others = readdirSync(folder)
    .filter((file) => file !== keep && file.startsWith(`${name}.`) && file.endsWith('.v8cache'))
    .map((file) => ({ file, written: mtimeOrZero(join(folder, file)) }))
    .sort((a, b) => b.written - a.written);
  for (const { file } of others.slice(CACHES_KEPT - 1)) rmSync(join(folder, file), { force: true });
}

function mtimeOrZero(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
