import { useEffect, useRef, useState } from 'react';

/** Frame interval: Ink draws at most 30 frames a second, so faster ticks would be wasted. */
const TICK_MS = 33;
/** Any scene is fully revealed within about this many ticks (~1.3 s), however long it is. */
const MAX_TICKS = 40;
const MIN_STEP = 2;

export interface Typewriter {
  /** how many characters to show */
  shown: number;
  done: boolean;
}

/**
 * Reveals `total` characters a few at a time. A new `resetKey` starts again from nothing;
 * disabled (or skipped, which disables it), everything shows at once.
 */
export interface TypewriterOptions {
  enabled: boolean;
  /** hold still (while something covers the text) without showing it all */
  paused?: boolean;
  resetKey: number;
}

export function useTypewriter(total: number, { enabled, paused = false, resetKey }: TypewriterOptions): Typewriter {
  const [state, setState] = useState({ key: resetKey, shown: enabled ? 0 : total });
  // A new key resets during render, so the old scene's full text never flashes for a frame.
  let current = state;
  if (state.key !== resetKey) {
    current = { key: resetKey, shown: enabled ? 0 : total };
    setState(current);
  }
  const shown = enabled ? Math.min(current.shown, total) : total;
  const done = shown >= total;

  const totalRef = useRef(total);
  totalRef.current = total;

  useEffect(() => {
    if (!enabled || paused || done) return;
    const step = Math.max(MIN_STEP, Math.ceil(totalRef.current / MAX_TICKS));
    const timer = setInterval(() => {
      setState((s) => (s.key === resetKey ? { ...s, shown: Math.min(totalRef.current, s.shown + step) } : s));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [enabled, paused, done, resetKey]);

  return { shown, done };
}
