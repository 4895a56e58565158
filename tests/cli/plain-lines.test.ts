import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { playPlain } from '../../src/cli/plain/plain-player.js';
import { loadStory } from '../ui/helpers.js';

async function play(answers: string, options: { ascii?: boolean; width?: number | null } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  input.end(answers);
  await playPlain({
    story: loadStory(),
    seed: 7,
    scripted: [],
    input,
    output,
    width: options.width ?? null,
    ...options,
  });
  return text;
}

describe('the plain player in an ASCII-only locale', () => {
  it('prints only ASCII, the same text with its symbols folded', async () => {
    const unicode = await play('1\n4\n');
    const ascii = await play('1\n4\n', { ascii: true });
    expect(unicode).toContain('Mon 08:00 · Debt 1,000 kr');
    expect(unicode).toContain('THE END — Night Falls');
    // eslint-disable-next-line no-control-regex
    expect(ascii).toMatch(/^[\u0000-\u007f]*$/);
    expect(ascii).toContain('Mon 08:00 | Debt 1,000 kr');
    expect(ascii).toContain('THE END - Night Falls');
    expect(ascii.split('\n')).toHaveLength(unicode.split('\n').length);
  });
});

describe('the plain player on a narrow terminal', () => {
  it('wraps the meters line and the choices as it wraps prose, choices hanging under their text', async () => {
    const text = await play('2\n1\n4\n', { width: 30 });
    // (the prompt's "> " is written before the answer is read: not part of a line)
    const lines = text.split('\n').map((line) => line.replace(/^> /, ''));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    // the meters break between their parts
    expect(lines).toContain('Mon 08:00 · Debt 1,000 kr');
    expect(lines).toContain('4 h left (deadline Mon 12:00)');
    expect(lines).toContain('Cash 200 kr');
    // a long choice goes on under its text, not under its number
    const hide = lines.indexOf('4) Hide under the bed until it');
    expect(lines[hide + 1]).toBe('   is dark. (12 h, past the');
    // nothing else starts with a space
    expect(
      lines.filter((line) => line.startsWith(' ') && !line.startsWith('   ') && !line.startsWith('  Mon')),
    ).toEqual([]);
  });
});
