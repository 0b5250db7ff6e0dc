import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** A worker starts in about 100 ms; below this many files per worker, the main thread alone is faster. */
const MIN_FILES_PER_WORKER = 100;
/** Files handed to a worker at a time: small enough to balance the load, large enough to keep messages few. */
const BATCH_SIZE = 25;
const MAX_WORKERS = 8;
/**
 * A worker's young generation, in MB. A worker keeps only a batch of results and a few parsed documents alive,
 * but with V8's default (about 48 MB) each one's heap grows by some 30 MB of garbage before it is collected: at
 * 10 000 deals two workers cost about 60 MB of peak RSS more than with this limit, and eight would cost 240 MB.
 * Collecting that small generation more often is not slower (measured on `check` over 1000 deals).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * How many worker threads to analyse `files` deal files with; 0 means the main thread does it.
 * `PROTOKOLL_WORKERS` overrides the choice (0 turns workers off), for tests and for machines where the
 * automatic choice is wrong.
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.PROTOKOLL_WORKERS;
  if (forced !== undefined && /^\d{1,2}$/.test(forced)) return Math.min(Number(forced), MAX_WORKERS, files);
  return Math.min(availableParallelism(), MAX_WORKERS, Math.floor(files / MIN_FILES_PER_WORKER));
}

interface Reply<R> {
  batch: number;
  results?: R[];
  error?: string;
}

/**
 * Runs `items` through the worker script at `script` in `count` threads, in batches, and returns the
 * results in the order of `items`. Returns undefined when the script is not there as JavaScript (the
 * sources run directly, as in the unit tests): the caller then does the work itself.
 */
export async function runInWorkers<T, R>(
  script: URL,
  workerData: unknown,
  items: readonly T[],
  count: number,
): Promise<R[] | undefined> {
  if (count < 1 || !existsSync(fileURLToPath(script))) return undefined;
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) batches.push(items.slice(i, i + BATCH_SIZE));
  const results: R[][] = new Array(batches.length);
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const feed = (worker: Worker) => {
        if (next < batches.length) {
          const batch = next++;
          worker.postMessage({ batch, items: batches[batch] });
        }
      };
      if (batches.length === 0) resolve();
      for (let i = 0; i < Math.min(count, batches.length); i++) {
        const worker = new Worker(script, {
          workerData,
          stdout: false,
          stderr: false,
          resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
        });
        workers.push(worker);
        worker.on("message", (reply: Reply<R>) => {
          if (reply.error !== undefined) return reject(new Error(`work in a worker thread failed: ${reply.error}`));
          results[reply.batch] = reply.results ?? [];
          if (++done === batches.length) return resolve();
          feed(worker);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (done < batches.length) reject(new Error(`a worker thread stopped early (exit code ${code})`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}
