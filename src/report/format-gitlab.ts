import { createHash } from "node:crypto";
import type { Finding, Severity } from "../errors.js";

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
 * so the merge request widget and diff show the findings. `pathPrefix` is the working folder relative to the
 * repository root (`git rev-parse --show-prefix`): GitLab wants paths from the root.
 *
 * The fingerprint identifies the finding by file, code and the text of the YAML line it points at (`due:
 * 2026-11-20`, `owner: wir`): not the line number, so an edit elsewhere in the file does not make it "new",
 * and not the message, which counts days from today ("4 days ago") and would change every day. When the line
 * changes, so does the fingerprint. Identical ones in a file are numbered: GitLab shows only the first entry
 * of a fingerprint.
 */
export function formatGitlab(
  findings: readonly Finding[],
  options: { pathPrefix?: string; lineText?: (f: Finding) => string | undefined } = {},
): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const path = `${options.pathPrefix ?? ""}${f.file}`;
    const identity = [path, f.code, options.lineText?.(f)?.trim() ?? f.message].join("\0");
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      description: f.hint ? `${f.message} ${f.hint}` : f.message,
      check_name: f.code,
      fingerprint: createHash("sha256").update(`${identity}\0${occurrence}`).digest("hex"),
      severity: SEVERITY[f.severity],
      location: { path, lines: { begin: f.line } },
    };
  });
}
