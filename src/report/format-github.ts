import type { Finding } from "../errors.js";

/**
 * GitHub workflow commands, one per finding, so a pull request shows them on the YAML lines
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `::${f.severity} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.code)}::${escapeData(f.message)}`,
    )
    .join("\n");
}

// Workflow-command escaping: data escapes %, CR, LF; properties additionally : and , .
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
