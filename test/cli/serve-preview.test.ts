// `protokoll serve`'s live print preview and its incremental rebuild, on a real server and a real Chromium: a save
// re-renders the saved deal's page and the overview pages only, and the page then links a freshly printed PDF and
// says whether it fits on one page.
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { pdfinfo, pdftotext } from "../helpers/poppler.js";
import { serveIn, waitForBody } from "../helpers/serve.js";
import { tempDir } from "../helpers/temp-dir.js";

/** A protocol far longer than one A4 page, even in the compact layout. */
function longDeal(title: string): string {
  const decisions = Array.from(
    { length: 45 },
    (_, i) =>
      `  - "Entscheidung ${i + 1}: Die Lieferung erfolgt quartalsweise, die Preise gelten bis Ende 2027 und werden danach gemeinsam neu verhandelt."`,
  );
  return deal("decisions:", ...decisions).replace("Testdeal", title);
}

async function fetchPdf(url: string, folder: string, name: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const file = path.join(folder, name);
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/** inode of every deal page serve wrote: a page written again (temporary file + rename) gets a new one. */
async function dealPageInodes(outDir: string): Promise<Map<string, number>> {
  const inodes = new Map<string, number>();
  for (const slug of await readdir(path.join(outDir, "deals"))) {
    inodes.set(slug, (await stat(path.join(outDir, "deals", slug, "index.html"))).ino);
  }
  return inodes;
}

describe("protokoll serve: live print preview", () => {
  it("after a save shows the new page and a new PDF with its page count, without rebuilding the other deals", async () => {
    const cwd = await dealsDir({
      "live.yaml": deal(),
      "zwei.yaml": deal().replace("Testdeal", "Zweiter Deal"),
      "drei.yaml": deal().replace("Testdeal", "Dritter Deal"),
    });
    // serve builds into a fresh folder under the temp dir: a temp dir of the test's own, to look at it.
    const temp = tempDir("protokoll-serve-test-");
    const server = await serveIn(cwd, [], { TMPDIR: temp });
    try {
      const page = server.url("/deals/live/index.html");
      const fits = await waitForBody(page, (body) => body.includes('data-preview="fits"'));
      expect(fits).toContain("passt auf eine Seite ✓");
      expect(fits).toContain('href="live.pdf"');
      const first = await fetchPdf(server.url("/deals/live/live.pdf"), temp, "first.pdf");
      expect(pdfinfo(first).Pages).toBe("1");
      expect(pdftotext(first)).toContain("Testdeal");

      // Every background preview is printed (their pages say so) before we look at what a save rewrites.
      for (const slug of ["zwei", "drei"]) {
        await waitForBody(server.url(`/deals/${slug}/index.html`), (body) => body.includes('data-preview="fits"'));
      }
      const [outName] = (await readdir(temp)).filter((name) => name.startsWith("protokoll-serve-"));
      const outDir = path.join(temp, outName as string);
      const before = await dealPageInodes(outDir);

      await writeFile(path.join(cwd, "deals", "live.yaml"), longDeal("Langer Deal"));
      const long = await waitForBody(page, (body) => body.includes("Langer Deal") && body.includes('data-preview="long"'));
      const pages = Number(/data-pages="(\d+)"/.exec(long)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      // "zu lang: 1,7 Seiten": the length to one decimal, within the printed page count.
      const length = Number(/zu lang: (\d+,\d) Seiten/.exec(long)?.[1]?.replace(",", "."));
      expect(length).toBeGreaterThan(pages - 1);
      expect(length).toBeLessThanOrEqual(pages);
      const second = await fetchPdf(server.url("/deals/live/live.pdf"), temp, "second.pdf");
      expect(pdfinfo(second).Pages).toBe(String(pages));
      expect(pdftotext(second)).toContain("Langer Deal");
      // The saved page and its preview first, then the overview pages; the update's log line comes last.
      const log = await server.waitForOutput(/deals\/live\.yaml gespeichert: \d+ Seiten neu gerendert/);
      expect(log.indexOf("PDF-Vorschau deals/live.yaml")).toBeGreaterThan(-1);
      expect(log.indexOf("PDF-Vorschau deals/live.yaml")).toBeLessThan(log.indexOf("deals/live.yaml gespeichert"));
      // The index lists the new title…
      expect(await (await fetch(server.url("/index.html"))).text()).toContain("Langer Deal");

      // …and of the deal pages only the saved one was written again.
      const after = await dealPageInodes(outDir);
      expect(after.get("live")).not.toBe(before.get("live"));
      expect(after.get("zwei")).toBe(before.get("zwei"));
      expect(after.get("drei")).toBe(before.get("drei"));
      expect(server.output()).toMatch(/deals\/live\.yaml gespeichert: \d+ Seiten neu gerendert/);
      expect(server.output()).not.toMatch(/deals\/(zwei|drei)\.yaml gespeichert/);
      expect(server.output()).toMatch(/PDF-Vorschau deals\/live\.yaml: zu lang: \d,\d Seiten/);
      expect((await readFile(path.join(outDir, "deals", "zwei", "index.html"), "utf8")).includes("Zweiter Deal")).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it("words the preview in English under --lang en", async () => {
    const cwd = await dealsDir({ "live.yaml": deal() });
    const server = await serveIn(cwd, ["--lang", "en"]);
    try {
      const page = server.url("/deals/live/index.html");
      await waitForBody(page, (body) => body.includes('data-preview="fits"') && body.includes("fits on one page ✓"));
      await writeFile(path.join(cwd, "deals", "live.yaml"), longDeal("Long deal"));
      const long = await waitForBody(page, (body) => body.includes("Long deal") && body.includes('data-preview="long"'));
      expect(long).toMatch(/too long: \d\.\d pages/);
      await server.waitForOutput(/deals\/live\.yaml saved: \d+ pages rendered again/);
    } finally {
      await server.stop();
    }
  });
});
