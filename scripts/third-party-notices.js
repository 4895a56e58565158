// The licence notices of the packages inside the bundles (dist/THIRD-PARTY-NOTICES.txt). The
// bundles are the whole runtime and esbuild drops licence comments (legalComments: 'none'),
// so the licences those packages ask to travel with their code are collected here, at build,
// from the files esbuild actually bundled (its metafile): nothing is listed by hand.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-.][\w-]+)*$/i;

/**
 * Packages that ship no licence file, with the copyright their sources carry: their licence
 * text is the standard one their package.json names. Any other package without a file stops
 * the build, so a new one is looked at by a person.
 */
const WITHOUT_FILE = {
  'yoga-layout': { licence: 'MIT', copyright: 'Copyright (c) Meta Platforms, Inc. and affiliates.' },
};

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/** The licence texts of one package: its files, or the standard text for a known exception. */
function licenceTexts(root, folder, manifest) {
  const files = readdirSync(folder).filter((name) => LICENCE_FILE.test(name));
  if (files.length) return files.sort().map((name) => readFileSync(join(folder, name), 'utf8').trim());
  const known = WITHOUT_FILE[manifest.name];
  if (known && known.licence === manifest.license && known.licence === 'MIT')
    return [`MIT License (the package ships no licence file)\n\n${known.copyright}\n\n${MIT}`];
  throw new Error(
    `build: ${manifest.name}@${manifest.version} (${relative(root, folder).split(sep).join('/')}) has no licence file; add it to WITHOUT_FILE in scripts/third-party-notices.js`,
  );
}

/**
 * The package folders (absolute) of the bundled inputs under node_modules, from esbuild
 * metafiles, whose paths are relative to esbuild's working folder (`workingDir`).
 */
export function bundledPackages(workingDir, metafiles) {
  const folders = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const parts = input.split(/[\\/]/);
      const at = parts.lastIndexOf('node_modules');
      if (at < 0) continue;
      const name = parts[at + 1]?.startsWith('@') ? 2 : 1;
      folders.add(resolve(workingDir, ...parts.slice(0, at + 1 + name)));
    }
  }
  return [...folders].sort();
}

/** The notices text: one section per package (name, version, licence, its licence files). */
export function thirdPartyNotices(root, folders) {
  const seen = new Set();
  const sections = [];
  for (const folder of folders) {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const id = `${manifest.name}@${manifest.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const texts = licenceTexts(root, folder, manifest);
    sections.push([`${id} (${manifest.license ?? 'see below'})`, '-'.repeat(72), ...texts].join('\n'));
  }
  const head = [
    'Third-party notices',
    '',
    'The files in dist/ bundle the following packages. Their licences follow, as each package',
    'ships them.',
    '',
  ].join('\n');
  return `${head}\n${sections.join('\n\n\n')}\n`;
}
