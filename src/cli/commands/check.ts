import path from "node:path";
import { OUTPUT_CACHE_DIR } from "../../pipeline/analysis-cache.js";
import { formatGithub } from "../../report/format-github.js";
import { formatGitlab } from "../../report/format-gitlab.js";
import { formatText } from "../../report/format-text.js";
import { repoPaths } from "../../report/repo-path.js";
import { reportJson } from "../../report/report-json.js";
import { jsonForLog, logLines } from "../../util/log-sink.js";
import { type CommonFlags, exitCodeFor, prepare } from "../context.js";
import { parseFormat } from "../options.js";

export interface CheckFlags extends CommonFlags {
  format?: string;
  strict?: boolean;
}

const FORMATS = ["text", "json", "github", "gitlab"] as const;

/** `protokoll check`: validate, compute findings, print them in the CLI's language; write nothing. */
export async function check(flags: CheckFlags): Promise<number> {
  const format = parseFormat(flags.format, FORMATS);
  // After a build, the deals it analysed are not parsed again; `check` only reads the cache, never writes it.
  const { analysis } = await prepare(flags, { dir: path.resolve("_site", OUTPUT_CACHE_DIR), write: false });
  const { language } = flags;
  const all = analysis.deals.flatMap((d) => d.findings);
  const paths = repoPaths(process.cwd(), flags.deals);
  // stdout of `check` ends up in CI logs: JSON with `##[` escaped, text through the log-line guard. Machine
  // formats name files relative to the repository root: that is all GitHub and GitLab resolve.
  if (format === "json") {
    process.stdout.write(`${jsonForLog(JSON.stringify(reportJson(analysis, language, paths), null, 2))}\n`);
  } else if (format === "gitlab") {
    const lines = new Map(analysis.deals.flatMap((d) => d.findings.map((f) => [f, d.lines[f.line]] as const)));
    const issues = formatGitlab(all, language, { path: paths, lineText: (f) => lines.get(f) });
    process.stdout.write(`${jsonForLog(JSON.stringify(issues, null, 2))}\n`);
  } else if (format === "github") process.stdout.write(all.length > 0 ? `${formatGithub(all, language, paths)}\n` : "");
  else process.stdout.write(logLines(formatText(analysis, { color: useColor(), language })));
  return exitCodeFor(analysis, flags.strict ?? false);
}

export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.CI !== "true";
}
