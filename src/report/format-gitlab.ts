import { createHash } from "node:crypto";
import { type Finding, type Severity, wordFinding } from "../errors.js";
import type { Language } from "../time/language.js";
import { type PathMapper, samePath } from "./repo-path.js";

/** One entry of a GitLab Code Quality report: the subset of the Code Climate issue format GitLab reads. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number } };
}

/** An error stops a deal from being built; a warning is something slipping. */
const SEVERITY: Record<Severity, CodeQualityIssue["severity"]> = { error: "major", warning: "minor" };

/**
 * A GitLab Code Quality report (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format),
 * so the merge request widget and diff show the findings, each with its fix, in the CLI's language. `path` maps a
 * finding's file to its path from the repository root, which is all GitLab resolves (see repo-path.ts).
 *
 * The fingerprint identifies the finding by file, code and the text of the YAML line it points at (`due:
 * 2026-11-20`, `owner: wir`): not the line number, so an edit elsewhere in the file does not make it "new",
 * and not the message, which counts days from today ("4 days ago") and would change every day. When the line
 * changes, so does the fingerprint. Identical ones in a file are numbered: GitLab shows only the first entry
 * of a fingerprint.
 */
export function formatGitlab(
  findings: readonly Finding[],
  language: Language,
  options: { path?: PathMapper; lineText?: (f: Finding) => string | undefined } = {},
): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  const toPath = options.path ?? samePath;
  return findings.map((f) => {
    const path = toPath(f.file);
    const { message, hint } = wordFinding(f, language);
    // Without the line's text, the phrase (not its wording) identifies the finding: the same in either language.
    const identity = [path, f.code, options.lineText?.(f)?.trim() ?? JSON.stringify(f.problem)].join("\0");
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      description: `${message} ${hint}`,
      check_name: f.code,
      fingerprint: createHash("sha256").update(`${identity}\0${occurrence}`).digest("hex"),
      severity: SEVERITY[f.severity],
      location: { path, lines: { begin: f.line } },
    };
  });
}
