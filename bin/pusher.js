#!/usr/bin/env node
// The installed command. It runs the bundle that `npm run build` made (npm ci and npm pack run it).
// CommonJS (bin/package.json says so), as the bundle is: an ES module here would make Node
// start its ESM loader before anything else, 10 to 20 ms of every start.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '../dist/pusher.cjs');
if (!existsSync(bundle)) {
  console.error('pusher: the build is missing; run `npm run build` (npm ci does it for you).');
  process.exit(1);
}
require(bundle);
