import path from "node:path";
import { describe, expect, it } from "vitest";
import { PreviewQueue } from "../../src/cli/preview-queue.js";
import type { PreviewPrinter } from "../../src/pdf/preview-printer.js";
import { analyseFiles, deal } from "../helpers/analyse.js";
import { tempDir } from "../helpers/temp-dir.js";

/** A printer whose prints finish when the test says so (or at once, one page). */
function fakePrinter(hold = false) {
  const printed: string[] = [];
  const waiting: (() => void)[] = [];
  const printer = {
    blockedRequests: [],
    async print(request: { target: string }) {
      if (hold) await new Promise<void>((resolve) => waiting.push(resolve));
      printed.push(path.basename(request.target));
      return { pages: 1, length: 1 };
    },
    async close() {},
  } as unknown as PreviewPrinter;
  return {
    printer,
    printed,
    release: () => {
      for (const go of waiting.splice(0)) go();
    },
  };
}

async function queueFor(printer: PreviewPrinter, refreshed: Set<string>[], waitMs = 3000) {
  const analysis = await analyseFiles({ "eins.yaml": deal(), "zwei.yaml": deal() });
  const outDir = tempDir("protokoll-preview-queue-");
  return new PreviewQueue({
    printer,
    outDir,
    language: "en",
    log: () => {},
    analysis: () => analysis,
    refresh: async (deals) => void refreshed.push(deals),
    savedPrintWaitMs: waitMs,
  });
}

describe("printing a saved deal's preview in its update", () => {
  it("prints the saved deal after the quiet period and hands back its page to render, not to the queue", async () => {
    const { printer, printed } = fakePrinter();
    const refreshed: Set<string>[] = [];
    const queue = await queueFor(printer, refreshed);
    queue.queue("eins", true);
    queue.holdOff();
    const started = Date.now();
    const done = await queue.printSaved();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect([...done]).toEqual(["eins"]);
    expect(printed).toEqual(["eins.pdf"]);
    expect(queue.previews.eins?.state).toBe("fits");
    await queue.run();
    expect(refreshed).toEqual([]);
  });

  it("leaves a save's print that does not finish to the queue after a bound (a browser that does not answer)", async () => {
    const { printer, printed, release } = fakePrinter(true);
    const refreshed: Set<string>[] = [];
    const queue = await queueFor(printer, refreshed, 200);
    queue.queue("eins", true);
    const started = Date.now();
    expect([...(await queue.printSaved())]).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
    // When the print does finish, the queue renders its page.
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await queue.run();
    expect(printed).toEqual(["eins.pdf"]);
    expect(refreshed.flatMap((set) => [...set])).toEqual(["eins"]);
  });

  it("gives the saved deals back to the queue when the writer saves again during the quiet period", async () => {
    const { printer, printed } = fakePrinter();
    const refreshed: Set<string>[] = [];
    const queue = await queueFor(printer, refreshed);
    queue.queue("eins", true);
    queue.holdOff();
    const waiting = queue.printSaved();
    setTimeout(() => queue.holdOff(), 50);
    expect([...(await waiting)]).toEqual([]);
    await queue.run();
    expect(printed).toEqual(["eins.pdf"]);
    expect(refreshed.flatMap((set) => [...set])).toEqual(["eins"]);
  });
});
