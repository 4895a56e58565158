/**
 * The outside of the JSON files Pusher writes, `{"format": ..., "version": ..., ...}`:
 * parsed, and checked to be the kind and version expected, before the reader looks inside.
 * Never throws; what is wrong is said in words a player can act on.
 */
export type Envelope = { ok: true; data: Record<string, unknown> } | { ok: false; problem: string };

export function parseEnvelope(text: string, format: string, version: number, noun: string): Envelope {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not valid JSON (damaged or cut short)' };
  }
  if (!isPlainObject(data) || data['format'] !== format) return { ok: false, problem: `it is not a Pusher ${noun}` };
  if (data['version'] !== version)
    return {
      ok: false,
      problem: `it is a ${noun} of version ${String(data['version'])}, and this game reads version ${version}`,
    };
  return { ok: true, data };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
