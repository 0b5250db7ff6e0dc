// A worker thread of the history pass: the snapshots of past versions (src/history/snapshot.ts) — one YAML parse
// each, most of what a history costs — made on every core instead of in the main thread alone.
import { parentPort, workerData } from "node:worker_threads";
import { snapshotEntry, snapshotOfBytes } from "./snapshot.js";

const { cwd } = workerData as { cwd: string };

parentPort?.on("message", ({ batch, items }: { batch: number; items: { file: string; bytes: Uint8Array }[] }) => {
  try {
    const results = items.map(({ file, bytes }) => snapshotOfBytes(snapshotEntry(file, cwd), bytes));
    parentPort?.postMessage({ batch, results });
  } catch (error) {
    parentPort?.postMessage({ batch, error: String((error as Error)?.stack ?? error) });
  }
});
