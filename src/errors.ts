import { type Phrase, plural, say } from "./i18n/translate.js";
import type { Language } from "./time/language.js";

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
  "follow-up-due": "warning",
  "deadlines-missed": "warning",
  "kpi-missed": "warning",
  "decision-due": "warning",
  "review-due": "warning",
  "evasive-answers": "warning",
  "list-split-at-comma": "warning",
} as const satisfies Record<string, Severity>;

export type Severity = "error" | "warning";
export type FindingCode = keyof typeof FINDING_CODES;

/** A problem found in a deal file, placed on the YAML node it concerns (1-based line and column). */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** What is wrong, in no language yet: each sink words it for its reader ({@link wordFinding}). */
  problem: Phrase;
  /** How to fix it, likewise. Every finding has one. */
  remedy: Phrase;
  file: string;
  line: number;
  column: number;
  /** Length of the source span to underline in a code frame (defaults to 1). */
  length?: number;
  /** 0-based index of the action concerned, so pages can show the finding next to it. */
  action?: number;
  /** Set on the "… and N more" finding of a file: how many findings it stands for (internal). */
  omitted?: number;
  /** Further lines whose problems are this finding's consequences (tab-indented lines): not reported again. */
  covers?: number[];
  /** For schema findings: the JSON Schema keyword that failed (internal). */
  schemaKeyword?: string;
}

export interface Position {
  line: number;
  column: number;
  length?: number;
}

/**
 * The one finding builder: code, position, what is wrong and how to fix it, both from the catalogue. Every
 * stage reports through it (the rules through `report` in findings/rule.ts, which places a YAML path first).
 */
export function finding(code: FindingCode, file: string, at: Position, problem: Phrase, remedy: Phrase): Finding {
  const result: Finding = {
    code,
    severity: FINDING_CODES[code],
    problem,
    remedy,
    file,
    line: at.line,
    column: at.column,
  };
  if (at.length && at.length > 1) result.length = at.length;
  return result;
}

/** The finding's message and hint in one language. */
export function wordFinding(f: Finding, language: Language): { message: string; hint: string } {
  return { message: say(language, f.problem), hint: say(language, f.remedy) };
}

/** A failure that is not the user's deal data: usage errors and internal failures (exit code 2). */
export class ProtokollError extends Error {
  override name = "ProtokollError";
  constructor(
    readonly problem: Phrase,
    readonly remedy?: Phrase,
    options?: ErrorOptions,
  ) {
    // The JS message (stack traces, PROTOKOLL_DEBUG) is English; the CLI prints `problem` in its language.
    super(say("en", problem), options);
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
    problem: plural(more, "n.moreProblems"),
    remedy: { key: "file.moreProblemsHint" },
    file: next.file,
    line: next.line,
    column: next.column,
    omitted: more,
  };
  return [...kept, rest];
}
