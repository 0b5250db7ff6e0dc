import path from "node:path";
import { describe, expect, it } from "vitest";
import { PreviewPrinter } from "../../src/pdf/preview-printer.js";
import { pdfinfo, pdftotext } from "../helpers/poppler.js";
import { tempDir } from "../helpers/temp-dir.js";

const meta = { title: "T", author: "A", subject: "S", keywords: "K", language: "de", date: "2026-11-20" };

function request(body: string, target: string) {
  const html = `<!doctype html><html><head><style>@page{size:A4;margin:15mm}</style></head><body>${body}</body></html>`;
  return { slug: "x", html, compactHtml: html, meta, target };
}

describe("PreviewPrinter", () => {
  it("prints every save on the same browser, aborts every request, and counts pages", async () => {
    const folder = tempDir("protokoll-preview-");
    const printer = new PreviewPrinter({ version: "test" });
    try {
      const short = await printer.print(
        request(
          '<h1>Kurz</h1><img src="https://tracker.example/p.png"><link rel="stylesheet" href="http://198.51.100.7/s.css">',
          path.join(folder, "short.pdf"),
        ),
      );
      expect(short).toEqual({ pages: 1, length: 1 });
      expect(pdfinfo(path.join(folder, "short.pdf")).Pages).toBe("1");
      expect(pdftotext(path.join(folder, "short.pdf"))).toContain("Kurz");

      const long = await printer.print(request("<p>Zeile</p>".repeat(120), path.join(folder, "long.pdf")));
      expect(long.pages).toBe(Number(pdfinfo(path.join(folder, "long.pdf")).Pages));
      expect(long.pages).toBeGreaterThanOrEqual(2);
      expect(long.length).toBeGreaterThan(long.pages - 1);
      expect(long.length).toBeLessThanOrEqual(long.pages);

      expect(printer.browserStarts).toBe(1);
      expect(printer.blockedRequests.sort()).toEqual(["http://198.51.100.7/s.css", "https://tracker.example/p.png"]);
    } finally {
      await printer.close();
    }
  });
});
