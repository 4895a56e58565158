// What an install carries: the bundles are the whole runtime, so the package declares no
// runtime dependencies, runs no install script, and ships the licences of what it bundles.
// (.ci/run installs the packed tarball offline and plays it: the end-to-end proof.)
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPackages, thirdPartyNotices } from '../../scripts/third-party-notices.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
interface Manifest {
  name: string;
  bin: Record<string, string>;
  files: string[];
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  allowScripts?: Record<string, boolean>;
  repository?: { url: string };
  homepage?: string;
  bugs?: { url: string };
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}
// import and export statements (over several lines too), bare imports, dynamic imports
const IMPORT = /^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|^import\s+'([^']+)'|\bimport\('([^']+)'\)/gm;
const imports = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => ({
    file,
    spec: (match[1] ?? match[2] ?? match[3])!,
  })),
);

describe('package.json', () => {
  it('is published under a free name and installs the command `pusher`', () => {
    expect(manifest.name).toBe('pusher-game');
    expect(Object.keys(manifest.bin)).toEqual(['pusher']);
  });

  it('has no runtime dependencies: the bundles hold ink, react, chalk, commander and env-paths', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const name of ['ink', 'react', 'chalk', 'commander', 'env-paths'])
      expect(manifest.devDependencies[name], name).toBeDefined();
  });

  it('declares every package the sources import, and imports none by a node_modules path', () => {
    const packages = imports.filter(({ spec }) => !spec.startsWith('.') && !spec.startsWith('node:'));
    expect(packages.length).toBeGreaterThan(0);
    for (const { file, spec } of packages) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      expect(manifest.devDependencies[name], `${file}: ${spec}`).toBeDefined();
    }
    expect(imports.filter(({ spec }) => spec.includes('node_modules'))).toEqual([]);
  });

  it('runs no install script for those who install it, and builds for those who clone it', () => {
    for (const event of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(manifest.scripts[event], event).toBeUndefined();
    expect(manifest.scripts['dependencies']).toContain('scripts/build.js');
    expect(manifest.scripts['prepack']).toContain('scripts/build.js');
    // esbuild's own postinstall only checks its binary, which its platform package carries
    expect(manifest.allowScripts).toEqual({ esbuild: false });
  });

  it('says where it comes from, and ships its docs and licence', () => {
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\//);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs?.url).toMatch(/^https:\/\//);
    expect(manifest.files).toEqual(expect.arrayContaining(['bin', 'dist', 'docs', 'story']));
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toContain('MIT License');
  });
});

describe('third-party notices', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'pusher-notices-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const pkg = (folder: string, manifest: object, files: Record<string, string>) => {
    mkdirSync(join(scratch, folder), { recursive: true });
    writeFileSync(join(scratch, folder, 'package.json'), JSON.stringify(manifest));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(scratch, folder, name), text);
  };

  it('lists each bundled package once, scoped and nested ones included, with its licence files', () => {
    pkg('node_modules/@scope/a', { name: '@scope/a', version: '1.0.0', license: 'MIT' }, { LICENSE: 'A text' });
    pkg('node_modules/b', { name: 'b', version: '2.0.0', license: 'ISC' }, { 'LICENSE-MIT.txt': 'B text' });
    pkg('node_modules/b/node_modules/c', { name: 'c', version: '3.0.0', license: 'MIT' }, { 'license.md': 'C text' });
    const metafile = {
      inputs: {
        'src/ours.ts': {},
        'node_modules/@scope/a/index.js': {},
        'node_modules/@scope/a/lib/more.js': {},
        'node_modules/b/index.js': {},
        'node_modules/b/node_modules/c/index.js': {},
      },
    };
    const folders = bundledPackages(scratch, [metafile]);
    expect(folders).toEqual(
      ['node_modules/@scope/a', 'node_modules/b', 'node_modules/b/node_modules/c'].map((f) => join(scratch, f)),
    );
    const text = thirdPartyNotices(scratch, folders);
    expect(text).toContain('@scope/a@1.0.0 (MIT)\n');
    expect(text).toContain('b@2.0.0 (ISC)\n');
    for (const licence of ['A text', 'B text', 'C text']) expect(text).toContain(licence);
    expect(text).not.toContain('ours');
  });

  it('stops the build for a package with no licence file that nobody has looked at', () => {
    pkg('node_modules/bare', { name: 'bare', version: '1.0.0', license: 'MIT' }, {});
    expect(() => thirdPartyNotices(scratch, [join(scratch, 'node_modules/bare')])).toThrow(
      /bare@1.0.0.*no licence file/,
    );
  });

  it('the build wrote them for what the bundles hold', () => {
    const text = readFileSync(join(ROOT, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['ink', 'react', 'chalk', 'commander', 'env-paths', 'yoga-layout', '@alcalzone/ansi-tokenize'])
      expect(text).toMatch(new RegExp(`^${name.replace('/', '\\/')}@\\d`, 'm'));
  });
});
