import { main } from './main.js';

// The bundle's entry: run, then leave with the code once output has drained.
const code = await main(process.argv);
process.exitCode = code;
