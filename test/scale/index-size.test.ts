// The index of 10 000 deals stays light. Building 10 000 deal files is a bench run (npm run bench); the bound
// is proved here on the index alone: 1000 generated deals analysed once, each repeated ten times under its own
// slug, rendered through the real index template.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateDeals } from "../../bench/generate-deals.js";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { analyse, type DealResult } from "../../src/pipeline.js";
import { assembleSite } from "../../src/render/assemble-site.js";
import { renderTemplate } from "../../src/render/render-site.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("the index of 10 000 deals", () => {
  it("stays under 1.5 MB and still links every page of all deals", async () => {
    const cwd = tempDir("protokoll-index-size-");
    generateDeals(path.join(cwd, "deals"), 1000);
    const analysis = await analyse({ dealsDir: "deals", cwd, today: "2026-11-23" as PlainDate, config: DEFAULT_CONFIG });
    const deals: DealResult[] = [];
    for (let copy = 0; copy < 10; copy++) {
      for (const result of analysis.deals) {
        const slug = `${result.slug}-${copy}`;
        const file = `deals/${slug}.yaml`;
        const findings = result.findings.map((f) => ({ ...f, file }));
        deals.push({ ...result, slug, file, findings, ...(result.deal ? { deal: { ...result.deal, slug, file } } : {}) });
      }
    }
    expect(deals).toHaveLength(10_000);
    const view = assembleSite({ ...analysis, deals, summary: { ...analysis.summary, deals: deals.length } });
    const outDir = path.join(cwd, "_site");
    await renderTemplate("index.njk", view, { outDir, flags: { pdfs: {}, extras: false } });
    const html = await readFile(path.join(outDir, "index.html"), "utf8");
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    expect(html.split('<tr class="deal-row').length - 1).toBe(100);
    const pages = [...html.matchAll(/href="all\/(\d+)\/index\.html"/g)].map((m) => Number(m[1]));
    expect(pages).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  }, 180_000);
});
