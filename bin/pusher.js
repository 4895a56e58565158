#!/usr/bin/env node
// The installed command. It runs the bundle built at install time (npm's `prepare`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/pusher.js', import.meta.url);
if (!existsSync(bundle)) {
  console.error('pusher: the build is missing; run `npm run build` (npm ci does it for you).');
  process.exit(1);
}
await import(bundle.href);
