// The benchmark is not part of npm test, but a tiny run of its harness is, so it cannot rot.
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateDeals } from "../../bench/generate-deals.js";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { analyse } from "../../src/pipeline.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("benchmark harness", () => {
  it("generates the same valid, realistic deals for the same seed", async () => {
    const a = tempDir("protokoll-gen-");
    const b = tempDir("protokoll-gen-");
    generateDeals(path.join(a, "deals"), 12);
    generateDeals(path.join(b, "deals"), 12);
    const files = await readdir(path.join(a, "deals"));
    expect(files).toHaveLength(12);
    for (const file of files) {
      expect(await readFile(path.join(a, "deals", file), "utf8")).toBe(await readFile(path.join(b, "deals", file), "utf8"));
    }
    const analysis = await analyse({ dealsDir: "deals", cwd: a, today: "2026-11-23" as PlainDate, config: DEFAULT_CONFIG });
    expect(analysis.summary.errors).toBe(0);
    expect(analysis.summary.warnings).toBeGreaterThan(0);
    for (const d of analysis.deals) expect(d.deal?.actions.length).toBeGreaterThanOrEqual(3);
  });

  it("runs end to end on a few deals and prints every measurement", async () => {
    const out = tempDir("protokoll-bench-results-");
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          path.join(ROOT, "bench", "run.js"),
          "--deals",
          "8",
          "--reps",
          "1",
          "--big",
          "16",
          "--pdf-subset",
          "3",
          "--launch-subset",
          "1",
          "--edits",
          "1",
          "--long-commits",
          "200",
          "--out",
          out,
        ],
        // The run grew by the rows of deals in git (issue 32): three more builds and a long history.
        { cwd: ROOT, timeout: 290_000 },
        (error, text, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(text)),
      ),
    );
    for (const label of [
      "HTML speed-up vs naive",
      "PDFs cold, ours",
      "reused page loop",
      "launch per PDF",
      "one combined document",
      "Rebuild, nothing changed",
      "Rebuild, one deal changed",
      "Peak RSS",
      "History cold, 8 deals × 50 commits",
      "History cached, unchanged HEAD",
      "Rebuild, nothing changed (HTML)",
      "Rebuild, one deal changed (HTML)",
      "check, 8 deals, cold: no analysis cache",
      "check, 8 deals, after a build: analysis cache",
      "serve: save → page updated",
      "serve: save → PDF preview updated",
      "Cold HTML build, 8 deals outside git",
      "Cold HTML build, 8 deals in git, one commit",
      "Cold HTML build, 8 deals in git, 20 commits × 200 deals",
      "check, 20 deals, 200 commits, warm history cache",
      "CI: pull request, one of 8 deals changed",
      "CI: the same pull request without PROTOKOLL_CACHE_KEY",
      "CI: 4 shards of 8 deals, slowest shard",
      "CI: build over the merged shards",
    ]) {
      expect(stdout).toContain(label);
    }
    expect(stdout).toContain("no browser started");
    // Every target says whether it held, and the run ends with how many did (issue 18: "prints which targets hold").
    const targetNotes = stdout.split("\n").filter((line) => line.startsWith("|") && / target /.test(line));
    expect(targetNotes.length).toBeGreaterThanOrEqual(20);
    for (const line of targetNotes) expect(line).toMatch(/target [^|]*: (holds|does NOT hold)/);
    expect(stdout).toMatch(/^Targets: \d+ of \d+ hold\.$/m);
    const [result] = await readdir(out);
    const json = JSON.parse(await readFile(path.join(out, result as string), "utf8"));
    expect(json.rebuild.unchangedStartedBrowser).toBe(false);
    expect(json.rebuild.oneChangedPrinted).toBe("1");
    // The cold pass read all 8 × 50 versions (a 52-week window holds them all); the second was a cache hit.
    expect(json.history.coldInfo).toEqual({ cache: "cold", files: 8, versions: 400 });
    expect(json.history.warmInfo).toEqual({ cache: "hit", files: 8, versions: 400 });
    // CI (issue 36): the shared cache prints the one changed PDF, without the key every one; shards merge exactly.
    expect(json.ci).toMatchObject({ pullRequestPrinted: 1, withoutKeyPrinted: 8, shards: { mergePrinted: 0, identical: true } });
  }, 300_000);
});
