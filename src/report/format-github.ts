import type { Finding } from "../errors.js";
import { logText } from "../util/log-sink.js";

/**
 * GitHub workflow commands, one per finding (the hint after a line break), so a pull request shows them on the YAML lines
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `::${f.severity} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.code)}::${escapeData(f.hint ? `${f.message}\n${f.hint}` : f.message)}`,
    )
    .join("\n");
}

/**
 * Workflow-command escaping (as the runner's own toolkit does): data escapes `%`, CR and LF as `%25`, `%0D`,
 * `%0A`; properties also `:` and `,` as `%3A`, `%2C`. Other control characters, direction overrides and the old
 * `##[` command marker are made visible as in every log line.
 */
export function escapeData(text: string): string {
  return logText(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
