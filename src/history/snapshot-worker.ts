// A worker thread of the history pass: past versions (src/history/read-past-version.ts) — one YAML parse each,
// most of what a history costs — read on every core instead of in the main thread alone.
import { parentPort, workerData } from "node:worker_threads";
import type { Config } from "../config/load-config.js";
import { type PastVersion, readPastVersion } from "./read-past-version.js";

const { cwd, config } = workerData as { cwd: string; config: Config };

parentPort?.on("message", ({ batch, items }: { batch: number; items: PastVersion[] }) => {
  try {
    const results = items.map((item) => readPastVersion(item, cwd, config));
    parentPort?.postMessage({ batch, results });
  } catch (error) {
    parentPort?.postMessage({ batch, error: String((error as Error)?.stack ?? error) });
  }
});
