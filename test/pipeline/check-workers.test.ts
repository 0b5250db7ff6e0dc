// `check` parses and validates in worker threads when there are enough files: the result must be exactly the one
// the main thread alone computes, in the same order, findings and positions included.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateDeals } from "../../bench/generate-deals.js";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { findDealFiles } from "../../src/load/find-deal-files.js";
import { readCapped } from "../../src/load/read-deal-file.js";
import { analysisKey } from "../../src/pipeline/analysis-cache.js";
import { analyseEntry, duplicateSlugFindings, type Keyed } from "../../src/pipeline.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { runInWorkers } from "../../src/util/worker-pool.js";
import { dealsDir } from "../helpers/analyse.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

async function project(): Promise<string> {
  const cwd = await dealsDir({});
  generateDeals(path.join(cwd, "deals"), 60);
  // Broken files among them: their findings come from the workers too.
  await writeFile(path.join(cwd, "deals", "kaputt.yaml"), "title: [kaputt\n");
  await writeFile(path.join(cwd, "deals", "Falscher Name.yaml"), "title: x\n");
  return cwd;
}

describe("analysis in worker threads", () => {
  it("the worker threads' results are the main thread's, in order", async () => {
    const cwd = await project();
    const entries = await findDealFiles("deals", cwd);
    const duplicates = duplicateSlugFindings(entries);
    const options = { dealsDir: "deals", cwd, today: "2026-11-23" as PlainDate, config: DEFAULT_CONFIG };
    // The compiled worker (the sources cannot run in a thread without a TypeScript loader).
    const script = new URL("dist/pipeline/analyse-worker.js", `file://${ROOT}`);
    const replies = await runInWorkers<(typeof entries)[number], Keyed>(
      script,
      { options, duplicates, context: "ctx" },
      entries,
      2,
    );
    expect(replies).toBeDefined();
    const threaded = replies?.map((reply) => reply.result);
    const alone = await Promise.all(entries.map((entry) => analyseEntry(entry, duplicates, options)));
    expect(threaded).toEqual(alone);
    expect(threaded?.find((d) => d.slug === "kaputt")?.findings.map((f) => f.code)).toContain("invalid-yaml");
    // Each comes back with the key of the bytes the worker read (a file too large to read has none).
    const keys = await Promise.all(
      entries.map(async (entry) => {
        const bytes = await readCapped(entry.absolute, DEFAULT_CONFIG.maxFileBytes);
        if (entry.refused || typeof bytes === "string") return undefined;
        return analysisKey("ctx", entry, bytes, duplicates.get(entry.file), undefined);
      }),
    );
    expect(replies?.map((reply) => reply.key)).toEqual(keys);
  });

  it("check prints the same report with two worker threads as without any", async () => {
    const cwd = await project();
    const args = ["check", "--format", "json", "--today", "2026-11-23"];
    const alone = await runCli(args, { cwd, env: { PROTOKOLL_WORKERS: "0" } });
    const threaded = await runCli(args, { cwd, env: { PROTOKOLL_WORKERS: "2" } });
    expect(alone.code).toBe(1);
    expect(threaded.code).toBe(1);
    const report = JSON.parse(threaded.stdout) as { deals: { slug: string }[] };
    expect(report.deals).toHaveLength(62);
    expect(threaded.stdout).toBe(alone.stdout);
  });
});
