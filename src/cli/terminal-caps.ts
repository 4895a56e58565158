// What the player's terminal and environment let the game do, read from the environment
// alone so it can be tested without a terminal.

/** `TERM=dumb`: a terminal that cannot move its cursor (Emacs shells, some IDE consoles). */
export function isDumbTerminal(env: NodeJS.ProcessEnv): boolean {
  return env['TERM'] === 'dumb';
}

/**
 * True when the locale says the terminal shows ASCII only: the first of LC_ALL, LC_CTYPE and
 * LANG that is set names no UTF-8 charset (`C`, `POSIX`, `en_US.ISO-8859-1`). With none set
 * at all (Windows, many containers) terminals are taken to be UTF-8, as they nearly all are.
 */
export function wantsAscii(env: NodeJS.ProcessEnv): boolean {
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
  if (!locale) return false;
  return !/utf-?8/i.test(locale);
}

/** Colour unless --no-color or NO_COLOR set to anything but the empty string (no-color.org). */
export function wantsColor(env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
  return flag !== false && !env['NO_COLOR'];
}
