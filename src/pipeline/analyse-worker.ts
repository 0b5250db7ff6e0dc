// A worker thread of `analyse`: reads, parses, validates and models the deal files it is handed, so that
// YAML parsing — most of the time `check` takes — runs on every core.
import { parentPort, workerData } from "node:worker_threads";
import type { Finding } from "../errors.js";
import type { DealFileEntry } from "../load/find-deal-files.js";
import { type AnalyseOptions, analyseEntry } from "../pipeline.js";
import { mapLimit } from "../util/map-limit.js";

const { options, duplicates } = workerData as { options: AnalyseOptions; duplicates: Map<string, Finding> };

parentPort?.on("message", async ({ batch, items }: { batch: number; items: DealFileEntry[] }) => {
  try {
    const results = await mapLimit(items, 4, (entry) => analyseEntry(entry, duplicates, options));
    parentPort?.postMessage({ batch, results });
  } catch (error) {
    parentPort?.postMessage({ batch, error: String((error as Error)?.stack ?? error) });
  }
});
