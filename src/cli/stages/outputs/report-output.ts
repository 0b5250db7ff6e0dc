import { resultDigests } from "../../../pipeline.js";
import { repoPaths } from "../../../report/repo-path.js";
import { reportJson } from "../../../report/report-json.js";
import { codeFingerprint } from "../../../util/code-fingerprint.js";
import { jsonHash } from "../../../util/json-hash.js";
import { inOut, outputLayout } from "../../../util/output-layout.js";
import { sha256 } from "../../../util/sha256.js";
import { writeFileAtomic } from "../../../util/write-file-atomic.js";
import type { Output } from "../output.js";

/**
 * report.json with every finding: the team's, never on a client site (the log and `protokoll check` have them).
 * Keyed by what it is made of: every deal's result (by its digest, src/pipeline.ts), today, the language and
 * where the paths are relative to; unchanged, it is not serialised again.
 */
export const reportOutput: Output = {
  name: "report",
  client: false,
  files: [outputLayout.report],
  async run(run) {
    const { analysis } = run;
    const { language, deals, outDir } = run.settings;
    const paths = repoPaths(process.cwd(), deals);
    const key = jsonHash([
      codeFingerprint(),
      language,
      process.cwd(),
      analysis.dealsDir,
      paths(analysis.dealsDir),
      analysis.today,
      resultDigests(analysis),
    ]);
    if (await run.manifest?.reuse("report", key)) return;
    const file = inOut(outDir, outputLayout.report);
    const text = `${JSON.stringify(reportJson(analysis, language, paths), null, 2)}\n`;
    await writeFileAtomic(file, text);
    run.manifest?.record("report", key, new Map([[file, sha256(text)]]));
  },
};
