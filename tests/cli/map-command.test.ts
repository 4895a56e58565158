import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TINY = join(ROOT, 'tests/fixtures/tiny.pusher');

function pusher(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/pusher.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir = '';
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/pusher.cjs')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'pusher-map-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pusher map', () => {
  it('prints an outline by default, endings and choice labels included', () => {
    const run = pusher(['map', TINY]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('A Tiny Debt: 7 scenes, 3 endings, 10 arrows');
    expect(lines).toContain('kitchen  [start]');
    expect(lines).toContain('  * Count the jar. [5m]  -> kitchen_counted');
    expect(lines).toContain('  60%  -> beaten  [END: Broken Fingers]');
    expect(lines).toContain('@timeout Mon 20:00');
  });

  it('prints a Mermaid flowchart and a Graphviz digraph', () => {
    const mermaid = pusher(['map', TINY, '--format', 'mermaid']);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(mermaid.stdout).toContain('n_kitchen -->|"Count the jar. [5m]"| n_kitchen_counted');
    const dot = pusher(['map', TINY, '--format', 'dot']);
    expect(dot.code).toBe(0);
    expect(dot.stdout.startsWith('digraph "A Tiny Debt" {\n')).toBe(true);
    expect(dot.stdout).toContain('"collector" -> "beaten" [label="60%"];');
  });

  it('-o writes the map to a file and nothing to standard output, leaving no temporary files', () => {
    const path = join(dir, 'tiny.dot');
    const run = pusher(['map', TINY, '--format', 'dot', '-o', path]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(pusher(['map', TINY, '--format', 'dot']).stdout);
    expect(readdirSync(dir)).toEqual(['tiny.dot']);
    // a file to share, not private like a save: readable by others as the umask allows
    expect(statSync(path).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('refuses an unknown format and an unwritable file with exit 2', () => {
    const format = pusher(['map', TINY, '--format', 'svg']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are outline, mermaid, dot');
    const nowhere = pusher(['map', TINY, '-o', join(dir, 'no/such/folder/map.txt')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^pusher: cannot write .*map\.txt/);
    expect(nowhere.stderr).not.toMatch(/^\s{4}at /m);
  });

  it('reports a broken story like check does, exit 2', () => {
    const run = pusher(['map', join(dir, 'missing.pusher')]);
    expect(run.code).toBe(2);
  });
});
