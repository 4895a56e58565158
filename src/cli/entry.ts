import { main } from './main.js';

// A reader that stops early (`pusher check | head`) closes our stdout: that is not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// The bundle's entry: run, then leave with the code once output has drained.
const code = await main(process.argv);
process.exitCode = code;
