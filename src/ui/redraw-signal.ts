/** How the shell around the App asks for the whole frame to be drawn again (after `fg`). */
export interface RedrawSignal {
  subscribe(listener: () => void): () => void;
  redraw(): void;
}

export function createRedrawSignal(): RedrawSignal {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    redraw() {
      for (const listener of listeners) listener();
    },
  };
}
