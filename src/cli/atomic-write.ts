import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeFileAtomic from 'write-file-atomic';

// write-file-atomic is CommonJS and names its temporary files after `__filename`, which an
// ESM bundle does not define; without this every write would throw a ReferenceError.
const scope = globalThis as { __filename?: string };
scope.__filename ??= fileURLToPath(import.meta.url);

/** Writes a whole file or nothing: a temporary file renamed into place. Creates the folder. */
export function writeFileAtomically(path: string, text: string, options: { createFolder?: boolean } = {}): void {
  if (options.createFolder) mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic.sync(path, text);
}
