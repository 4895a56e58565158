// The shape every one of check's reports (`--random`, `--fates`) hands back to check.

/** What one of check's reports produced: its JSON document, its text, and the exit code it asks for. */
export interface ReportResult {
  code: number;
  json: unknown;
  /** for standard output */
  text: string | null;
  /** for standard error */
  error: string | null;
}
