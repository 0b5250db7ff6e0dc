// A worker thread of `analyse`: reads, parses, validates and models the deal files it is handed, so that
// YAML parsing — most of the time `check` takes — runs on every core.
import { parentPort, workerData } from "node:worker_threads";
import type { Finding } from "../errors.js";
import type { DealFileEntry } from "../load/find-deal-files.js";
import { type AnalyseOptions, analyseEntryKeyed } from "../pipeline.js";
import { mapLimit } from "../util/map-limit.js";
import { keyingStore } from "./analysis-cache.js";

const { options, duplicates, context } = workerData as {
  options: AnalyseOptions;
  duplicates: Map<string, Finding>;
  /** The analysis cache's context, when the build has one: each result goes back with its key. */
  context?: string;
};
const keyed: AnalyseOptions = context ? { ...options, cache: keyingStore(context) } : options;

parentPort?.on("message", async ({ batch, items }: { batch: number; items: DealFileEntry[] }) => {
  try {
    const results = await mapLimit(items, 4, (entry) => analyseEntryKeyed(entry, duplicates, keyed));
    parentPort?.postMessage({ batch, results });
  } catch (error) {
    parentPort?.postMessage({ batch, error: String((error as Error)?.stack ?? error) });
  }
});
