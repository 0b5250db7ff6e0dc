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
  /** Set on the "… and N more" finding of a file: how many findings it stands for (internal). */
  omitted?: number;
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

/**
 * Findings listed per file. A file of thousands of broken lines is one mistake repeated (a wrong indent, a
 * pasted log): listing all of them helps nobody and cost seconds per file. The rest is counted, not placed.
 */
export const MAX_FINDINGS_PER_FILE = 50;

/**
 * The first {@link MAX_FINDINGS_PER_FILE} findings, then one that says how many more there are (`uncounted`:
 * problems noticed but never turned into findings, for the same reason). Severity and code are those of the
 * first one left out, so the exit code and the summary stay right.
 */
export function capFindings(findings: Finding[], uncounted = 0): Finding[] {
  // An earlier stage's "… and N more" joins this count instead of being listed (or cut) as a finding.
  const listed = findings.filter((f) => f.omitted === undefined);
  const earlier = findings.reduce((sum, f) => sum + (f.omitted ?? 0), 0);
  const more = listed.length - MAX_FINDINGS_PER_FILE + uncounted + earlier;
  if (more <= 0) return listed;
  const kept = listed.slice(0, MAX_FINDINGS_PER_FILE);
  const next = listed[MAX_FINDINGS_PER_FILE] ?? findings.find((f) => f.omitted !== undefined) ?? listed.at(-1);
  if (!next) return kept;
  const rest: Finding = {
    code: next.code,
    severity: next.severity,
    message: `… and ${more} more ${more === 1 ? "problem" : "problems"} in this file, not listed.`,
    messageDe: `… und ${more} ${more === 1 ? "weiteres Problem" : "weitere Probleme"} in dieser Datei, nicht einzeln aufgeführt.`,
    hint: "Fix the ones above first; they are usually one mistake repeated.",
    file: next.file,
    line: next.line,
    column: next.column,
    omitted: more,
  };
  return [...kept, rest];
}
