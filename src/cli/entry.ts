import { main } from './main.js';
import type { StartUp } from './start-up.js';
import { isHangUpError, releaseHungUpTerminalOnExit } from './hung-up-terminal.js';

/**
 * The commands' entry, which the boot (boot.ts) calls once it has loaded this script: run,
 * then leave with the code once output has drained.
 */
export function run(argv: string[], startUp: StartUp): void {
  // A reader that stops early (`pusher check | head`) closes our stdout: that is not a failure.
  // Neither is a closed terminal window: the SIGHUP that comes with it ends the game.
  releaseHungUpTerminalOnExit();
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      if (isHangUpError(error)) return;
      throw error;
    });
  }
  void main(argv, startUp).then((code) => {
    process.exitCode = code;
  });
}
