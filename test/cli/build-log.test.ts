// The build's last words: the summary, at most about twenty lines of findings and as many of recaps not ready
// to send. At 1000 deals the not-ready list was every one of them, two thousand lines that buried the summary.
import { describe, expect, it } from "vitest";
import { buildLog } from "../../src/cli/stages/build-log.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

const run = { outDir: "_site", seconds: "1.0", pdfLine: "", pages: { rendered: 1, kept: 0 }, language: "en" as const };
// No owner: a blocking finding, so the recap is not ready to send.
const ownerless = deal("actions:", "  - task: Angebot schicken", "    due: 2026-11-30", "next_meeting:", "  date: 2026-12-02");

describe("buildLog", () => {
  it("lists every recap not ready to send when there are few", async () => {
    const analysis = await analyseFiles({ "a.yaml": ownerless, "b.yaml": ownerless });
    const lines = buildLog(analysis, run);
    expect(lines.filter((l) => l.includes("not ready to send")).length).toBe(2);
    expect(lines.join("\n")).not.toContain("more not ready");
  });

  it("cuts the not-ready list after about twenty lines, whole deals only, and says how many more", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`deal-${String(i).padStart(2, "0")}.yaml`, ownerless]),
    );
    const lines = buildLog(await analyseFiles(files), run);
    const start = lines.findIndex((l) => l.includes("not ready to send ("));
    const end = lines.findIndex((l) => l.includes("more not ready to send"));
    expect(start).toBeGreaterThan(0);
    expect(end - start).toBeLessThanOrEqual(20);
    const listed = lines.slice(start, end).filter((l) => l.includes("not ready to send (")).length;
    // Each listed deal with its blocker line under it.
    expect(lines.slice(start, end)).toHaveLength(listed * 2);
    expect(lines[end]).toBe(`  … and ${30 - listed} more not ready to send, see send/not-ready/ on the index`);
  });

  it("says it in German by default", async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`d${i}.yaml`, ownerless]));
    const lines = buildLog(await analyseFiles(files), { ...run, language: "de" });
    expect(lines.some((l) => /… und \d+ weitere nicht versandbereit, siehe send\/not-ready\/ im Index/.test(l))).toBe(true);
  });
});
