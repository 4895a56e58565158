import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck, type CheckOptions } from '../../src/cli/check-command.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = join(ROOT, 'docs/examples/personas.pusher');
const TINY = join(ROOT, 'tests/fixtures/tiny.pusher');
const COIN = join(ROOT, 'tests/fixtures/coin.pusher');
let dir = '';
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'pusher-warnings-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(file: string, options: Partial<CheckOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(
    file,
    { maxStates: 200_000, witnesses: false, ...options },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

// A label that lies by two hours: one time-label warning, nothing else. Two choice points (a, talk).
const LYING = `@start a
@clock Mon 08:00
@timeout Mon 20:00 -> over
@var debt = 100 in 0..1000
@time deadline = Mon 18:00
=== a
* Ask about the restaurant. [30m] -> talk #ask
* Leave. [10m] -> over
=== talk
~ wait 2h
* Leave. [10m] -> over
=== ending over "Over"
`;

describe('pusher check: warnings', () => {
  it('prints each warning positioned, with its kind, the line, a caret and a path; exit 0 without --strict', () => {
    const path = join(dir, 'lying.pusher');
    writeFileSync(path, LYING);
    const run = check(path);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${path}:7:1: warning (time-label): 'ask' is written [30m] but takes 2h30m`);
    expect(run.stderr).toContain('  7 | * Ask about the restaurant. [30m] -> talk #ask');
    expect(run.stderr).toContain('  path: (at the start)');
    expect(run.stdout).toContain('proved: every path ends');
    expect(run.stdout).toContain('1 warning (time-label 1), judged on all 2 reachable states and by reading the story');
  });

  it('--strict makes warnings problems: exit 2, and ok false in JSON', () => {
    const path = join(dir, 'lying-strict.pusher');
    writeFileSync(path, LYING);
    const run = check(path, { strict: true });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('--strict: they count as problems');
    const json = JSON.parse(check(path, { strict: true, json: true }).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: false, problems: [] });
    expect(JSON.parse(check(path, { json: true }).stdout)).toMatchObject({ ok: true });
  });

  it('--json lists the warnings under `warnings`, each with its kind, and says how they were judged', () => {
    const path = join(dir, 'lying-json.pusher');
    writeFileSync(path, LYING);
    const json = JSON.parse(check(path, { json: true }).stdout) as { warnings: unknown[]; warningsJudged: unknown };
    expect(json.warnings).toEqual([
      {
        kind: 'time-label',
        file: path,
        line: 7,
        col: 1,
        message: expect.stringContaining("'ask' is written [30m]"),
        path: '(at the start)',
      },
    ]);
    expect(json.warningsJudged).toEqual({ method: 'every-state', states: 2, runs: 0, static: ['unread-state'] });
  });

  it('a story with none prints none, and --strict passes it', () => {
    for (const file of [COIN, EXAMPLE]) {
      const run = check(file, { strict: true });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('no warnings');
    }
  });

  it('on a story too big to walk, judges the runs of the proof and says so', () => {
    const run = check(TINY, { maxStates: 2, walks: 300, json: true });
    const json = JSON.parse(run.stdout) as { method: string; warningsJudged: { method: string; runs: number } };
    expect(json.method).toBe('witnesses');
    expect(json.warningsJudged.method).toBe('runs');
    expect(json.warningsJudged.runs).toBeGreaterThan(0);
    expect(check(TINY, { maxStates: 2, walks: 300 }).stdout).toMatch(
      /judged on [\d,]+ states along [\d,]+ runs? of the proof/,
    );
  });
});

describe('pusher check --personas', () => {
  it('reports per persona the share of each ending, seeded, in the documented shape', () => {
    const run = check(EXAMPLE, { personas: true, json: true });
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      personas: Array<{ id: string; runs: number; endings: Array<{ id: string; share: number }> }>;
    };
    expect(json.personas.map((persona) => persona.id)).toEqual(['loyal_tonny', 'pay_milo']);
    for (const persona of json.personas) {
      expect(persona.runs).toBe(1000);
      expect(persona.endings.map((ending) => ending.id)).toEqual(['paid', 'saved', 'beaten']);
      const total = persona.endings.reduce((sum, ending) => sum + ending.share, 0);
      expect(total).toBeCloseTo(1, 10);
      for (const ending of persona.endings) expect(ending.share >= 0 && ending.share <= 1).toBe(true);
    }
    // Loyal: Tonny comes along and gets a beer whenever he can; at Milo's loyalty >= 2 saves him,
    // and 2,000 kr never covers 10,000 of debt, so every loyal run ends at the door.
    expect(json.personas[0]!.endings.find((ending) => ending.id === 'saved')!.share).toBe(1);
    // Pay Milo never takes Tonny along, so it can never be saved by him.
    expect(json.personas[1]!.endings.find((ending) => ending.id === 'saved')!.share).toBe(0);
    expect(check(EXAMPLE, { personas: true, json: true }).stdout).toBe(run.stdout);
    expect(check(EXAMPLE, { personas: true, json: true, seed: 2 }).stdout).not.toBe(run.stdout);
    expect(check(EXAMPLE, { personas: true }).stdout).toMatch(
      /Loyal to Tonny \(loyal_tonny\).*\n +100\.0% +A Friend at the Door/,
    );
  });

  it('a story with no personas is told how to declare them, exit 2', () => {
    const run = check(TINY, { personas: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('declares no personas');
  });
});
