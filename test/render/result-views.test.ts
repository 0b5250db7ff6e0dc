// serve keeps the views of results it did not analyse again (src/render/assemble-site.ts, ResultViews): after
// a save, the site it assembles must be exactly the one assembled from scratch.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { LiveAnalysis } from "../../src/pipeline/live-analysis.js";
import { assembleSite, type ResultViews } from "../../src/render/assemble-site.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { deal, dealsDir } from "../helpers/analyse.js";

const withAction = (title: string, owner: string, due: string) =>
  deal("actions:", "  - task: Angebot schicken", `    owner: ${owner}`, `    due: ${due}`).replace("Testdeal", title);

describe("assembleSite with the views of unchanged results", () => {
  it("assembles after a save exactly the site assembled from scratch", async () => {
    const cwd = await dealsDir({
      "anna.yaml": withAction("Annas Deal", "Anna Schulz", "2026-11-30"),
      "bernd.yaml": withAction("Bernds Deal", "Bernd Meier", "2026-11-30"),
    });
    const live = new LiveAnalysis({ dealsDir: "deals", cwd, today: "2026-11-23" as PlainDate, config: DEFAULT_CONFIG });
    const known: ResultViews = new WeakMap();
    const first = await live.update();
    const before = assembleSite(first.analysis, undefined, undefined, known);
    const bernd = before.deals.find((d) => d.slug === "bernd");
    const file = path.join(cwd, "deals", "anna.yaml");
    await writeFile(file, withAction("Annas neuer Deal", "Bernd Meier", "2026-11-01"));
    const next = await live.update(new Set([file]));
    const after = assembleSite(next.analysis, undefined, undefined, known);
    expect(after).toEqual(assembleSite(next.analysis));
    // The deal nobody saved kept its view; the saved one was viewed again.
    expect(after.deals.find((d) => d.slug === "bernd")).toBe(bernd);
    expect(after.deals.find((d) => d.slug === "anna")?.title).toBe("Annas neuer Deal");
  });
});
