/**
 * Every finding code protokoll can report, with its severity. The contract (CONTRACT.md) fixes the first
 * eleven; the rest follow the domain. Codes are kebab-case like ESLint rule ids.
 */
export const FINDING_CODES = {
  "invalid-yaml": "error",
  "invalid-field": "error",
  "invalid-filename": "error",
  "missing-owner": "warning",
  "vague-owner": "warning",
  "missing-due": "warning",
  overdue: "warning",
  "missing-next-meeting": "warning",
  "next-meeting-past": "warning",
  "protocol-late": "warning",
  "pdf-overflow": "warning",
  "pdf-failed": "error",
  "pdf-retried": "warning",
  "deal-stale": "warning",
  "owner-not-participant": "warning",
  "due-before-meeting": "warning",
  "closed-with-open-actions": "warning",
  "lost-without-reason": "warning",
  "due-pushed-often": "warning",
  "ambiguous-time": "warning",
} as const satisfies Record<string, Severity>;

export type Severity = "error" | "warning";
export type FindingCode = keyof typeof FINDING_CODES;

/** A problem found in a deal file, placed on the YAML node it concerns (1-based line and column). */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** How to fix it; shown in text output, not part of report.json. */
  hint?: string;
  /** Length of the source span to underline in a code frame (defaults to 1). */
  length?: number;
  /** The message in German, for German pages; `message` is English. Not part of report.json. */
  messageDe?: string;
  /** 0-based index of the action concerned, so pages can show the finding next to it. */
  action?: number;
  /** For schema findings: the JSON Schema keyword that failed (internal). */
  schemaKeyword?: string;
}

export interface Position {
  line: number;
  column: number;
  length?: number;
}

export function finding(code: FindingCode, file: string, at: Position, message: string, hint?: string): Finding {
  const result: Finding = {
    code,
    severity: FINDING_CODES[code],
    message,
    file,
    line: at.line,
    column: at.column,
  };
  if (hint) result.hint = hint;
  if (at.length && at.length > 1) result.length = at.length;
  return result;
}

/** A failure that is not the user's deal data: usage errors and internal failures (exit code 2). */
export class ProtokollError extends Error {
  override name = "ProtokollError";
  constructor(
    message: string,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
