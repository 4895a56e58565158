import { main } from './main.js';

// A reader that stops early (`pusher check | head`) closes our stdout: that is not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// The bundle's entry (a CommonJS script, so no top-level await): run, then leave with the
// code once output has drained.
void main(process.argv).then((code) => {
  process.exitCode = code;
});
