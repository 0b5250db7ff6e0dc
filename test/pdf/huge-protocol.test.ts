// Regression: a 254 KB deal of short lines hit the 30 s print limit at 1.7 GB of memory (three such deals:
// 2.3 GB). A protocol longer than one page by an order of magnitude is now refused before printing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * The longest deal the schema allows is long in its lists: 50 decisions of up to 5000 characters each. Here
 * each is a block of short lines (joined into one paragraph), or of paragraphs (`separator` "\n\n").
 */
function longDecisions(separator: string): string {
  const item = (n: number) => {
    const body: string[] = [];
    for (let i = 0; body.join(separator).length < 4_850; i++) body.push(`    Punkt ${n}.${i}`);
    return `  - |\n${body.join(separator.replace(/\n$/, "\n"))}`;
  };
  return `decisions:\n${Array.from({ length: 50 }, (_, n) => item(n)).join("\n")}`;
}

describe("a protocol far longer than one page", () => {
  it("is reported as pdf-overflow with its size, not printed, and the build stays fast", async () => {
    const cwd = await dealsDir({
      // ~250 KB each: 50 decisions of short lines, and of thousands of paragraphs.
      "lang-zeilen.yaml": deal(longDecisions("\n")),
      "lang-absaetze.yaml": deal(longDecisions("\n\n")),
      "normal.yaml": deal("summary: Kurz und gut."),
    });
    for (const slug of ["lang-zeilen", "lang-absaetze"]) {
      const size = Buffer.byteLength(readFileSync(path.join(cwd, "deals", `${slug}.yaml`)));
      expect(size).toBeGreaterThan(240_000);
      expect(size).toBeLessThan(256 * 1024);
    }
    const started = performance.now();
    const result = await runCli(["build", "--today", "2026-11-23"], { cwd });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code).toBe(0);
    // Generous for shared CI: printing one of them alone used to take longer than the 30 s limit.
    expect(seconds).toBeLessThan(60);
    expect(result.stderr).toMatch(/PDFs: 1 printed, 0 unchanged, 2 not printed, far too long for one page/);

    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8")) as {
      deals: { slug: string; findings: { code: string; message: string }[] }[];
    };
    for (const slug of ["lang-zeilen", "lang-absaetze"]) {
      const overflow = report.deals.find((d) => d.slug === slug)?.findings.find((f) => f.code === "pdf-overflow");
      expect(overflow?.message).toMatch(
        /is far too long for one A4 page \([\d,]+ characters in [\d,]+ paragraphs and list items; one page holds about 6,000 characters in 120\), so no PDF was printed\./,
      );
      expect(existsSync(path.join(cwd, "_site", "deals", slug, `${slug}.pdf`))).toBe(false);
      const mail = await simpleParser(readFileSync(path.join(cwd, "_site", "deals", slug, `${slug}.eml`)));
      expect(mail.attachments).toHaveLength(0);
    }
    expect(existsSync(path.join(cwd, "_site", "deals", "normal", "normal.pdf"))).toBe(true);
  }, 120_000);
});
