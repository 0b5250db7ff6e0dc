import { repoPaths } from "../../../report/repo-path.js";
import { reportJson } from "../../../report/report-json.js";
import { inOut, outputLayout } from "../../../util/output-layout.js";
import { writeFileAtomic } from "../../../util/write-file-atomic.js";
import type { Output } from "../output.js";

/** report.json with every finding: the team's, never on a client site (the log and `protokoll check` have them). */
export const reportOutput: Output = {
  name: "report",
  client: false,
  files: [outputLayout.report],
  async run(run) {
    const { language, deals } = run.settings;
    const report = reportJson(run.analysis, language, repoPaths(process.cwd(), deals));
    await writeFileAtomic(inOut(run.settings.outDir, outputLayout.report), `${JSON.stringify(report, null, 2)}\n`);
  },
};
