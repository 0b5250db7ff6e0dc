import { ProtokollError } from "../../errors.js";
import { formatGithub } from "../../report/format-github.js";
import { formatText } from "../../report/format-text.js";
import { reportJson } from "../../report/report-json.js";
import { type CommonFlags, exitCodeFor, prepare } from "../context.js";

export interface CheckFlags extends CommonFlags {
  format?: string;
  strict?: boolean;
}

/** `protokoll check`: validate, compute findings, print them; write nothing. */
export async function check(flags: CheckFlags): Promise<number> {
  const format = flags.format ?? "text";
  if (!["text", "json", "github"].includes(format)) {
    throw new ProtokollError(`Unknown --format "${format}".`, "Use text, json or github.");
  }
  const { analysis } = await prepare(flags);
  const all = analysis.deals.flatMap((d) => d.findings);
  if (format === "json") process.stdout.write(`${JSON.stringify(reportJson(analysis), null, 2)}\n`);
  else if (format === "github") process.stdout.write(all.length > 0 ? `${formatGithub(all)}\n` : "");
  else process.stdout.write(formatText(analysis, { color: useColor() }));
  return exitCodeFor(analysis, flags.strict ?? false);
}

export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.CI !== "true";
}
