import path from "node:path";
import type { Analysis } from "../../pipeline.js";
import { formatGithub } from "../../report/format-github.js";
import { formatGitlab } from "../../report/format-gitlab.js";
import { formatText } from "../../report/format-text.js";
import { repoPaths } from "../../report/repo-path.js";
import { reportJson } from "../../report/report-json.js";
import { buildStateDir, cacheFolder } from "../../util/cache-folder.js";
import { jsonForLog, logLines } from "../../util/log-sink.js";
import { type CommonFlags, prepare } from "../context.js";
import type { Stage } from "./run-stages.js";

export const CHECK_FORMATS = ["text", "json", "github", "gitlab"] as const;

/** One `protokoll check`: what was asked, and the analysis once the first stage made it. */
export interface CheckRun {
  flags: CommonFlags;
  format: (typeof CHECK_FORMATS)[number];
  color: boolean;
  write: (text: string) => void;
  analysis?: Analysis;
}

/**
 * `protokoll check`: analyse, then report in the asked format. Nothing else — no Eleventy, no browser, no
 * file written (a test watches the modules it loads).
 */
export const CHECK_STAGES: readonly Stage<CheckRun>[] = [
  {
    // After a build into `_site`, the deals it analysed are not parsed again; `check` only reads that build's
    // analysis cache, never writes it.
    name: "analyse",
    async run(run) {
      const dir = buildStateDir(cacheFolder(), path.resolve("_site"));
      // Only the git facts of the history: over an unchanged history, the facts the last build left.
      const warn = (line: string) => process.stderr.write(`${line}\n`);
      run.analysis = (await prepare(run.flags, { dir, write: false }, warn, "facts")).analysis;
    },
  },
  {
    name: "report",
    run(run) {
      const analysis = run.analysis as Analysis;
      const { language, deals } = run.flags;
      const all = analysis.deals.flatMap((d) => d.findings);
      const paths = repoPaths(process.cwd(), deals);
      // stdout of `check` ends up in CI logs: JSON with `##[` escaped, text through the log-line guard. Machine
      // formats name files relative to the repository root: that is all GitHub and GitLab resolve.
      if (run.format === "json") {
        run.write(`${jsonForLog(JSON.stringify(reportJson(analysis, language, paths), null, 2))}\n`);
      } else if (run.format === "gitlab") {
        const lines = new Map(analysis.deals.flatMap((d) => d.findings.map((f) => [f, d.lines[f.line]] as const)));
        const issues = formatGitlab(all, language, { path: paths, lineText: (f) => lines.get(f) });
        run.write(`${jsonForLog(JSON.stringify(issues, null, 2))}\n`);
      } else if (run.format === "github") run.write(all.length > 0 ? `${formatGithub(all, language, paths)}\n` : "");
      else run.write(logLines(formatText(analysis, { color: run.color, language })));
    },
  },
];
