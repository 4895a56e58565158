import { useEffect, useReducer, useRef } from 'react';

/**
 * How many of `total` items to hand over now: everything, unless more than `batch` are new
 * since the last frame; then `batch` more each frame until all are there. Ink lays out and
 * draws every new <Static> item in one frame, so a game that starts deep in the week
 * (hundreds of history items from --choices) would otherwise build one huge frame, and the
 * process would keep that peak memory. A step of play adds a few items: no delay.
 */
export function useBatchedCount(total: number, batch: number): number {
  const given = useRef(0);
  const [, nextFrame] = useReducer((n: number) => n + 1, 0);
  const count = Math.min(total, given.current + batch);
  useEffect(() => {
    given.current = count;
    if (count >= total) return;
    const timer = setImmediate(nextFrame);
    return () => clearImmediate(timer);
  }, [count, total]);
  return count;
}
