import { describe, expect, it } from 'vitest';
import { isDumbTerminal, wantsAscii, wantsColor } from '../../src/cli/terminal-caps.js';

describe('terminal capabilities from the environment', () => {
  it('knows a dumb terminal, and takes an unknown or missing TERM to draw', () => {
    expect(isDumbTerminal({ TERM: 'dumb' })).toBe(true);
    expect(isDumbTerminal({ TERM: 'xterm-256color' })).toBe(false);
    expect(isDumbTerminal({})).toBe(false);
  });

  it('wants ASCII when the locale that decides names no UTF-8 charset', () => {
    expect(wantsAscii({ LANG: 'C' })).toBe(true);
    expect(wantsAscii({ LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' })).toBe(true);
    expect(wantsAscii({ LC_CTYPE: 'da_DK.ISO-8859-1' })).toBe(true);
    expect(wantsAscii({ LANG: 'C.UTF-8' })).toBe(false);
    expect(wantsAscii({ LANG: 'en_GB.utf8' })).toBe(false);
    expect(wantsAscii({ LC_ALL: 'da_DK.UTF-8', LANG: 'C' })).toBe(false);
    // an empty variable does not decide; none at all is taken as UTF-8
    expect(wantsAscii({ LC_ALL: '', LC_CTYPE: '', LANG: 'C' })).toBe(true);
    expect(wantsAscii({})).toBe(false);
  });

  it('turns colour off for --no-color or a NO_COLOR that is not empty', () => {
    expect(wantsColor({}, undefined)).toBe(true);
    expect(wantsColor({ NO_COLOR: '' }, undefined)).toBe(true);
    expect(wantsColor({ NO_COLOR: '1' }, undefined)).toBe(false);
    expect(wantsColor({ NO_COLOR: '0' }, undefined)).toBe(false);
    expect(wantsColor({}, false)).toBe(false);
  });
});
