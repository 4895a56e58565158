// Types for third-party-notices.js (plain JavaScript, run by the build), for its tests.

/** The package folders (absolute) of the bundled inputs under node_modules, from esbuild metafiles. */
export function bundledPackages(workingDir: string, metafiles: Array<{ inputs: Record<string, unknown> }>): string[];

/** The notices text: one section per package (name, version, licence, its licence files). */
export function thirdPartyNotices(root: string, folders: string[]): string;
