// The client recap cannot depend on the date: the print view is built from the deal (which holds nothing
// derived from today), the configuration and the draft flag. Run over the example deals on days a year apart,
// the print HTML is byte-identical wherever the draft flag is the same; where only the flag differs, so does
// only the draft mark.
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderPrintHtml } from "../../src/render/render-print-html.js";
import { analyseFiles } from "../helpers/analyse.js";

const examples = async () => {
  const dir = new URL("../../deals/", import.meta.url);
  const files: Record<string, string> = {};
  for (const name of await readdir(dir)) if (name.endsWith(".yaml")) files[name] = await readFile(new URL(name, dir), "utf8");
  return files;
};

describe("print HTML and today", () => {
  it.each(["2026-11-10", "2026-12-24", "2027-11-30"])(
    "is the same on %s as on 2026-11-23 for every example deal",
    async (day) => {
      const files = await examples();
      const before = await analyseFiles(files, { today: "2026-11-23" });
      const after = await analyseFiles(files, { today: day });
      const html = async (analysis: typeof before) => new Map((await renderPrintHtml(analysis)).map((d) => [d.slug, d.html]));
      const [a, b] = [await html(before), await html(after)];
      expect(a.size).toBeGreaterThanOrEqual(6);
      let compared = 0;
      for (const result of before.deals) {
        const other = after.deals.find((d) => d.slug === result.slug);
        if (!result.deal || !other?.deal) continue;
        // Findings (and so the index) do change with the day; the print view only sees whether it is a draft.
        if (result.readiness?.ready === other.readiness?.ready) {
          expect(b.get(result.slug), result.slug).toBe(a.get(result.slug));
          compared++;
        } else {
          expect(b.get(result.slug)).not.toBe(a.get(result.slug));
        }
      }
      expect(compared).toBeGreaterThan(0);
    },
  );
});
