// Types for bundle-options.js (plain JavaScript, run by the build), so tests that bundle type-check.
import type { BuildOptions } from 'esbuild';

/** Options for a Node ESM bundle of code under `root` (the repository). */
export function bundleOptions(root: string): BuildOptions;
