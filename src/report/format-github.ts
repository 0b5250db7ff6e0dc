import { type Finding, wordFinding } from "../errors.js";
import type { Language } from "../time/language.js";
import { logText } from "../util/log-sink.js";
import { type PathMapper, samePath } from "./repo-path.js";

/**
 * GitHub workflow commands, one per finding, so a pull request shows them on the YAML lines
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions). The fix follows the
 * message on a second line of the annotation (`%0A`).
 */
export function formatGithub(findings: readonly Finding[], language: Language, path: PathMapper = samePath): string {
  return findings
    .map((f) => {
      const { message, hint } = wordFinding(f, language);
      const properties = `file=${escapeProperty(path(f.file))},line=${f.line},col=${f.column},title=${escapeProperty(f.code)}`;
      return `::${f.severity} ${properties}::${escapeData(`${message}\n${hint}`)}`;
    })
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
