// A large site is rendered in several Eleventy runs to bound memory; the result must not show it.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { analyse } from "../../src/pipeline.js";
import { renderSite } from "../../src/render/render-site.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

async function filesIn(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  const files = new Map<string, string>();
  for (const name of names.sort()) files.set(name, await readFile(path.join(dir, name), "utf8"));
  return files;
}

describe("rendering in batches", () => {
  it("writes the same pages, byte for byte, in one run or in runs of two deal pages", async () => {
    const analysis = await analyse({
      dealsDir: path.join(ROOT, "deals"),
      today: "2026-11-23" as PlainDate,
      config: DEFAULT_CONFIG,
    });
    const flags = { pdfs: {}, extras: false };
    const single = tempDir("protokoll-one-run-");
    const batched = tempDir("protokoll-batched-");
    const writtenOnce = await renderSite(analysis, { outDir: single, flags });
    const writtenBatched = await renderSite(analysis, { outDir: batched, flags, dealPagesPerRun: 2 });

    expect(writtenBatched.map((p) => path.relative(batched, p)).sort()).toEqual(
      writtenOnce.map((p) => path.relative(single, p)).sort(),
    );
    const one = await filesIn(single);
    const many = await filesIn(batched);
    expect([...many.keys()]).toEqual([...one.keys()]);
    expect(one.size).toBeGreaterThan(analysis.deals.length + 10);
    for (const [name, content] of one) expect(many.get(name), name).toBe(content);
  });
});
