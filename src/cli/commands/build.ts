import { readdir, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { renderSite } from "../../render/render-site.js";
import { reportJson } from "../../report/report-json.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";
import { type CommonFlags, exitCodeFor, prepare } from "../context.js";
import { parsePositiveInt } from "../options.js";

export interface BuildFlags extends CommonFlags {
  out?: string;
  pdf?: boolean;
  concurrency?: string;
}

/**
 * `protokoll build`: the stages of src/pipeline.ts in order — analyse (load, validate, model), render the site
 * with Eleventy, write report.json, then print PDFs. A broken deal is listed, never fatal.
 */
export async function build(flags: BuildFlags, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  const outDir = path.resolve(flags.out ?? "_site");
  parsePositiveInt(flags.concurrency, "--concurrency", availableParallelism());
  const { analysis } = await prepare(flags);

  const pdf = flags.pdf !== false;
  await renderSite(analysis, { outDir, flags: { pdf, extras: false } });
  await removeStaleDeals(outDir, new Set(analysis.deals.filter((d) => d.deal).map((d) => d.slug)));
  await writeFileAtomic(path.join(outDir, "report.json"), `${JSON.stringify(reportJson(analysis), null, 2)}\n`);

  const built = analysis.deals.filter((d) => d.deal).length;
  const broken = analysis.deals.length - built;
  const { errors, warnings } = analysis.summary;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `Built ${built} ${built === 1 ? "deal" : "deals"} into ${path.relative(process.cwd(), outDir) || "."} in ${seconds} s` +
      `${broken ? `; ${broken} broken (see report.json)` : ""}: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`,
  );
  for (const deal of analysis.deals) {
    for (const f of deal.findings.filter((x) => x.severity === "error"))
      log(`  ${f.file}:${f.line}:${f.column} ${f.code}  ${f.message}`);
  }
  if (errors > 0) log("Run `protokoll check` for details and fixes.");
  return exitCodeFor(analysis, false);
}

/** A deal deleted since the last build leaves nothing behind: its folder under deals/ goes. */
async function removeStaleDeals(outDir: string, slugs: Set<string>): Promise<void> {
  const dealsOut = path.join(outDir, "deals");
  const existing = await readdir(dealsOut, { withFileTypes: true }).catch(() => []);
  for (const entry of existing) {
    if (entry.isDirectory() && !slugs.has(entry.name))
      await rm(path.join(dealsOut, entry.name), { recursive: true, force: true });
  }
}
