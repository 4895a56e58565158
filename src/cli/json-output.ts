// One shape for every `--json` output (docs/json.md): an object with `kind` (the command)
// and `version` (its schema version, an integer raised when a key changes meaning or goes
// away; new keys do not raise it) first, then the command's own keys, two-space indented.

/** The schema version of each command's JSON; docs/json.md describes each. */
export const JSON_VERSIONS = { endings: 1, saves: 1 } as const;

export type JsonKind = keyof typeof JSON_VERSIONS;

/** The text of one `--json` document. */
export function jsonDocument(kind: JsonKind, body: Record<string, unknown>): string {
  return JSON.stringify({ kind, version: JSON_VERSIONS[kind], ...body }, null, 2);
}
