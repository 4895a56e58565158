/** How the shell around the App (signal handlers) asks it to leave cleanly with an exit code. */
export interface LeaveSignal {
  subscribe(listener: (code: number) => void): () => void;
  leave(code: number): void;
}

export function createLeaveSignal(): LeaveSignal {
  const listeners = new Set<(code: number) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    leave(code) {
      for (const listener of listeners) listener(code);
    },
  };
}
