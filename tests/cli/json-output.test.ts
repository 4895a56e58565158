// Every --json document has one head (docs/json.md): kind, then version, then the command's keys.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { JSON_VERSIONS, jsonDocument } from '../../src/cli/json-output.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TINY = join(ROOT, 'tests/fixtures/tiny.pusher');
const home = mkdtempSync(join(tmpdir(), 'pusher-json-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function pusher(args: string[], input = '') {
  return spawnSync(process.execPath, [join(ROOT, 'bin/pusher.js'), ...args], {
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1', PUSHER_HOME: home, PUSHER_NO_FATE_WARMUP: '1' },
  });
}

describe('jsonDocument', () => {
  it('puts kind and version first, keeps the keys, and indents by two spaces', () => {
    const text = jsonDocument('saves', { story: 'tiny', saves: [] });
    expect(text).toBe('{\n  "kind": "saves",\n  "version": 1,\n  "story": "tiny",\n  "saves": []\n}');
    expect(Object.values(JSON_VERSIONS).every((v) => Number.isInteger(v) && v >= 1)).toBe(true);
  });
});

describe('endings --json and saves --json', () => {
  it('carry kind and version at the top, with their keys as before', () => {
    pusher(['play', TINY, '--seed', '1'], '1\n4\n');
    const endings = JSON.parse(pusher(['endings', TINY, '--json']).stdout) as Record<string, unknown>;
    expect(Object.keys(endings).slice(0, 2)).toEqual(['kind', 'version']);
    expect(endings).toMatchObject({ kind: 'endings', version: 1, story: 'tiny', found: 1, total: 3 });
    for (const key of ['choicesTaken', 'choicesTotal', 'percent', 'summary', 'endings'])
      expect(endings).toHaveProperty(key);
    const saves = JSON.parse(pusher(['saves', TINY, '--json']).stdout) as Record<string, unknown>;
    expect(Object.keys(saves)).toEqual(['kind', 'version', 'story', 'folder', 'saves']);
    expect(saves).toMatchObject({ kind: 'saves', version: 1, story: 'tiny' });
  });
});
