// A deal saved while the build analyses it: the main thread keyed the bytes it read, the analysis (in a
// worker, or after a miss) read the file again. The result was filed under the first key, and every output
// keyed by it would have been reused for the other version of the file. Outputs are now keyed by the digest of
// the result (src/pipeline.ts resultDigests): it must be the digest of the version that was analysed.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { analysisKey, type ResultStore, resultDigest } from "../../src/pipeline/analysis-cache.js";
import { analyse, type DealResult, resultDigests } from "../../src/pipeline.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { deal, dealsDir } from "../helpers/analyse.js";

const workers = process.env.PROTOKOLL_WORKERS;
afterEach(() => {
  if (workers === undefined) delete process.env.PROTOKOLL_WORKERS;
  else process.env.PROTOKOLL_WORKERS = workers;
});

describe("a deal saved during its analysis", () => {
  it("is filed under the key of the bytes that were analysed", async () => {
    // Through the path that hands misses to worker threads (in the sources they run in this thread).
    process.env.PROTOKOLL_WORKERS = "2";
    const cwd = await dealsDir({ "anna.yaml": deal().replace("Testdeal", "Alt") });
    const file = path.join(cwd, "deals", "anna.yaml");
    const saved = deal().replace("Testdeal", "Neu");
    const filed: { key: string; result: DealResult }[] = [];
    const store: ResultStore = {
      context: "ctx",
      key(entry, bytes, duplicate, git) {
        // The author saves right after the build read the file.
        writeFileSync(file, saved);
        return analysisKey("ctx", entry, bytes, duplicate, git);
      },
      get: () => undefined,
      set: (key, result) => {
        filed.push({ key, result });
        return resultDigest("ctx", JSON.stringify(result));
      },
    };
    const analysis = await analyse({
      dealsDir: "deals",
      cwd,
      today: "2026-11-23" as PlainDate,
      config: DEFAULT_CONFIG,
      cache: store,
    });
    const entry = { file: "deals/anna.yaml", absolute: file, slug: "anna" };
    expect(analysis.deals[0]?.title).toBe("Neu");
    expect(filed).toHaveLength(1);
    expect(filed[0]?.key).toBe(analysisKey("ctx", entry, Buffer.from(saved), undefined, undefined));
    // The outputs are keyed by the digest of the result of the saved version.
    expect(filed[0]?.result.title).toBe("Neu");
    expect(resultDigests(analysis)[0]).toBe(resultDigest("ctx", JSON.stringify(filed[0]?.result)));
  });
});
