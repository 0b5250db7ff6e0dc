import { ProtokollError } from "../../errors.js";
import { git } from "../../load/git.js";
import { formatGithub } from "../../report/format-github.js";
import { formatGitlab } from "../../report/format-gitlab.js";
import { formatText } from "../../report/format-text.js";
import { reportJson } from "../../report/report-json.js";
import { jsonForLog, logLines } from "../../util/log-sink.js";
import { type CommonFlags, exitCodeFor, prepare } from "../context.js";

export interface CheckFlags extends CommonFlags {
  format?: string;
  strict?: boolean;
}

/** `protokoll check`: validate, compute findings, print them; write nothing. */
export async function check(flags: CheckFlags): Promise<number> {
  const format = flags.format ?? "text";
  if (!["text", "json", "github", "gitlab"].includes(format)) {
    throw new ProtokollError(`Unknown --format "${format}".`, "Use text, json, github or gitlab.");
  }
  const { analysis } = await prepare(flags);
  const all = analysis.deals.flatMap((d) => d.findings);
  // stdout of `check` ends up in CI logs: JSON with `##[` escaped, text through the log-line guard.
  if (format === "json") process.stdout.write(`${jsonForLog(JSON.stringify(reportJson(analysis), null, 2))}\n`);
  else if (format === "gitlab") {
    const prefix = (await git(["rev-parse", "--show-prefix"], process.cwd()).catch(() => "")).trim();
    const lines = new Map(analysis.deals.flatMap((d) => d.findings.map((f) => [f, d.lines[f.line]] as const)));
    const issues = formatGitlab(all, { pathPrefix: prefix, lineText: (f) => lines.get(f) });
    process.stdout.write(`${jsonForLog(JSON.stringify(issues, null, 2))}\n`);
  } else if (format === "github") process.stdout.write(all.length > 0 ? `${formatGithub(all)}\n` : "");
  else process.stdout.write(logLines(formatText(analysis, { color: useColor() })));
  return exitCodeFor(analysis, flags.strict ?? false);
}

export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.CI !== "true";
}
