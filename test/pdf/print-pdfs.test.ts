// The print stage with real Chromium: compact fallback and overflow, internal content never printed, no
// network, atomic files, no browser left behind.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { countPages } from "../../src/pdf/pdf-bytes.js";
import { printPdfs } from "../../src/pdf/print-pdfs.js";
import { analyse } from "../../src/pipeline.js";
import { renderPrintHtml } from "../../src/render/render-print-html.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { deal, dealsDir } from "../helpers/analyse.js";
import { pdfinfo, pdftotext } from "../helpers/poppler.js";
import { BIN, CLI_CACHE_DIR, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const META = { title: "T", author: "A", subject: "S", keywords: "K", language: "de", date: "2026-11-20" };
const page = (body: string, style = "") =>
  `<!doctype html><html lang="de"><head><style>@page{size:A4;margin:20mm} body{font-size:12pt} ${style}</style></head><body>${body}</body></html>`;
const lines = (n: number) => Array.from({ length: n }, (_, i) => `<p>Zeile ${i + 1}</p>`).join("");

/** Browsers this test process started (its children), not those of test files running in parallel. */
function chromiumProcesses(): string[] {
  try {
    return execFileSync("pgrep", ["-a", "-P", String(process.pid), "-f", "puppeteer_dev_chrome_profile"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** A local HTTP server that counts the requests it gets: a PDF must never make one. */
async function countingServer(): Promise<{ base: string; requests: () => number; close: () => void }> {
  let requests = 0;
  const server = createServer((_, response) => {
    requests++;
    response.end("x");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => server.close(),
  };
}

describe("printPdfs", () => {
  it("tries the compact layout when the normal one needs a second page, and reports what still overflows", async () => {
    const out = tempDir("protokoll-print-");
    const target = (slug: string) => path.join(out, `${slug}.pdf`);
    const outcome = await printPdfs(
      [
        { slug: "fits", html: page(lines(20)), compactHtml: page(lines(20)), meta: META, target: target("fits") },
        {
          slug: "compact",
          html: page(lines(60)),
          compactHtml: page(lines(60), "p{margin:0;font-size:7pt}"),
          meta: META,
          target: target("compact"),
        },
        {
          slug: "too-long",
          html: page(lines(200)),
          compactHtml: page(lines(200), "p{margin:0}"),
          meta: META,
          target: target("too-long"),
        },
      ],
      { stateDir: out, concurrency: 2, version: "test" },
    );
    expect(outcome.printed.sort()).toEqual(["compact", "fits", "too-long"]);
    expect(outcome.overflow).toEqual(["too-long"]);
    expect(countPages(readFileSync(target("fits")))).toBe(1);
    expect(countPages(readFileSync(target("compact")))).toBe(1);
    expect(pdfinfo(target("compact")).Pages).toBe("1");
    expect(Number(pdfinfo(target("too-long")).Pages)).toBeGreaterThan(1);
  });

  // The PDF cache was keyed by the print HTML and the version number only: after the code that finishes a PDF
  // changed (the draft watermark made an Artifact), an existing PDF counted as unchanged and kept the old bytes.
  it("prints again when the tool's code changed though the print HTML and version did not", async () => {
    const out = tempDir("protokoll-print-");
    const html = page(lines(3));
    const request = { slug: "same", html, compactHtml: html, meta: META, target: path.join(out, "same.pdf") };
    const options = { stateDir: out, secret: Buffer.alloc(32, 7), concurrency: 1, version: "test" };
    expect((await printPdfs([request], { ...options, code: "before" })).printed).toEqual(["same"]);
    expect((await printPdfs([request], { ...options, code: "before" })).unchanged).toEqual(["same"]);
    const after = await printPdfs([request], { ...options, code: "after" });
    expect(after.printed).toEqual(["same"]);
    expect(after.unchanged).toEqual([]);
  });

  it("sends no request anywhere, even for images and styles in the HTML", async () => {
    const server = await countingServer();
    const { base } = server;
    try {
      const out = tempDir("protokoll-print-");
      const html = page(
        `<img src="${base}/logo.png"><link rel="stylesheet" href="${base}/x.css"><iframe src="${base}/frame"></iframe><p>Text</p>`,
        `body{background:url(${base}/bg.png)}`,
      );
      const outcome = await printPdfs(
        [{ slug: "remote", html, compactHtml: html, meta: META, target: path.join(out, "remote.pdf") }],
        {
          stateDir: out,
          concurrency: 1,
          version: "test",
        },
      );
      expect(outcome.printed).toEqual(["remote"]);
      expect(outcome.blockedRequests.length).toBeGreaterThan(0);
      expect(server.requests()).toBe(0);
    } finally {
      server.close();
    }
  });

  it("leaves no browser process behind", async () => {
    const out = tempDir("protokoll-print-");
    const before = chromiumProcesses().length;
    let during = 0;
    await printPdfs(
      [{ slug: "a", html: page("<p>a</p>"), compactHtml: page("<p>a</p>"), meta: META, target: path.join(out, "a.pdf") }],
      {
        stateDir: out,
        concurrency: 1,
        version: "test",
        progress: () => {
          during = chromiumProcesses().length;
        },
      },
    );
    expect(during, "the browser is seen while it prints").toBeGreaterThan(before);
    expect(chromiumProcesses().length).toBeLessThanOrEqual(before);
  });
});

describe("protokoll build and the PDF", () => {
  it("never prints anything from internal (canary), but shows it on the page", async () => {
    const cwd = await dealsDir({
      "kanarienvogel.yaml": deal(
        "actions:",
        "  - task: Angebot schicken",
        "    owner: Anna Schulz",
        "    due: 2026-11-27",
        "internal:",
        "  notes: CANARY-NOTES-4711 **fett**",
        "  signals: [CANARY-SIGNAL-4712]",
        "  lessons: [CANARY-LESSON-4713]",
        "  hidden_needs: [CANARY-NEED-4714]",
      ),
    });
    expect((await runCli(["build", "--today", "2026-11-23"], { cwd })).code).toBe(0);
    const pdf = path.join(cwd, "_site", "deals", "kanarienvogel", "kanarienvogel.pdf");
    const text = pdftotext(pdf);
    expect(text).toContain("Angebot schicken");
    expect(text).toContain("27.11.2026");
    expect(text).not.toMatch(/CANARY/);
    expect(readFileSync(pdf).toString("latin1")).not.toMatch(/CANARY/);
    const html = readFileSync(path.join(cwd, "_site", "deals", "kanarienvogel", "index.html"), "utf8");
    expect(html).toContain("CANARY-NOTES-4711");
    expect(html).toContain("CANARY-LESSON-4713");
  });

  it("embeds Latin Extended from the shipped font when a name needs it, and no system font", async () => {
    const cwd = await dealsDir({
      "polen.yaml": deal("participants:", "  - name: Zbigniew Łęcki", "    company: Gdańsk Łódź Sp. z o.o."),
    });
    expect((await runCli(["build", "--today", "2026-11-23"], { cwd })).code).toBe(0);
    const pdf = path.join(cwd, "_site", "deals", "polen", "polen.pdf");
    expect(pdftotext(pdf)).toContain("Zbigniew Łęcki");
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/SourceSans3/);
  });

  it("makes zero requests for remote images and links written in a deal", async () => {
    const server = await countingServer();
    const { base } = server;
    try {
      const cwd = await dealsDir({
        "fern.yaml": deal(
          `summary: "Bild ![Plan](${base}/plan.png), Link [Angebot](${base}/angebot), <img src='${base}/raw.png'>"`,
          "decisions:",
          `  - "Siehe ![x](${base}/d.png)"`,
          "next_meeting:",
          "  date: 2026-12-01",
          `  place: "${base}/meet"`,
        ),
      });
      const result = await runCli(["build", "--today", "2026-11-23"], { cwd });
      expect(result.code, result.stderr).toBe(0);
      expect(pdfinfo(path.join(cwd, "_site", "deals", "fern", "fern.pdf")).Pages).toBe("1");
      expect(server.requests()).toBe(0);
    } finally {
      server.close();
    }
  });

  it("prints a deal too long for the normal layout in the compact one, on one page and without pdf-overflow", async () => {
    // 20 long risks: two pages in the normal layout, one in the compact layout (checked directly below).
    const risks = Array.from(
      { length: 20 },
      (_, i) => `  - ${"Ein sehr ausführlich beschriebenes Risiko mit vielen Worten, ".repeat(3)}Nummer ${i + 1}.`,
    );
    const cwd = await dealsDir({
      "lang.yaml": deal("next_meeting:", "  date: 2026-12-01", "protocol_sent: 2026-11-21", "risks:", ...risks),
    });
    const analysis = await analyse({
      dealsDir: path.join(cwd, "deals"),
      today: "2026-11-23" as PlainDate,
      config: DEFAULT_CONFIG,
    });
    const [doc] = await renderPrintHtml(analysis);
    const out = tempDir("protokoll-print-");
    const normalOnly = await printPdfs(
      [{ slug: "normal", html: doc?.html ?? "", compactHtml: doc?.html ?? "", meta: META, target: path.join(out, "normal.pdf") }],
      { stateDir: out, concurrency: 1, version: "test" },
    );
    expect(normalOnly.overflow).toEqual(["normal"]);

    const result = await runCli(["build", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    expect(report.deals[0].findings).toEqual([]);
    const pdf = path.join(cwd, "_site", "deals", "lang", "lang.pdf");
    expect(pdfinfo(pdf).Pages).toBe("1");
    expect(pdftotext(pdf).replace(/\s+/g, " ")).toContain("Nummer 20.");
  });

  it("reports pdf-overflow with the deal's position when even the compact layout is too long", async () => {
    const risks = Array.from(
      { length: 28 },
      (_, i) => `  - ${"Ein sehr ausführlich beschriebenes Risiko mit vielen Worten, ".repeat(5)}Nummer ${i + 1}.`,
    );
    const cwd = await dealsDir({
      "roman.yaml": deal("next_meeting:", "  date: 2026-12-01", "protocol_sent: 2026-11-21", "risks:", ...risks),
    });
    const result = await runCli(["build", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    expect(report.deals[0].findings).toEqual([
      expect.objectContaining({ code: "pdf-overflow", severity: "warning", file: "deals/roman.yaml", line: 1, column: 8 }),
    ]);
    expect(Number(pdfinfo(path.join(cwd, "_site", "deals", "roman", "roman.pdf")).Pages)).toBeGreaterThan(1);
  });

  it("leaves no truncated PDF when the build is killed while printing", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`deal-${i}.yaml`] = deal(`summary: Deal Nummer ${i}`);
    const cwd = await dealsDir(files);
    const child = spawn(process.execPath, [BIN, "build", "--today", "2026-11-23", "--concurrency", "2"], {
      cwd,
      env: { ...process.env, PROTOKOLL_CACHE_DIR: CLI_CACHE_DIR },
      stdio: "ignore",
    });
    const out = path.join(cwd, "_site", "deals");
    // Kill it as soon as the first PDF exists: the others are mid-print.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (existsSync(path.join(out, "deal-0", "deal-0.pdf")) || existsSync(path.join(out, "deal-1", "deal-1.pdf"))) {
          clearInterval(timer);
          child.kill("SIGKILL");
          resolve();
        }
      }, 20);
    });
    await new Promise((resolve) => child.on("close", resolve));
    let complete = 0;
    for (const folder of await readdir(out)) {
      for (const file of await readdir(path.join(out, folder))) {
        if (!file.endsWith(".pdf")) continue;
        expect(pdfinfo(path.join(out, folder, file)).Pages).toBe("1");
        complete++;
      }
    }
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(30);
    // The next build finishes the job and sweeps temporary files away.
    expect((await runCli(["build", "--today", "2026-11-23"], { cwd })).code).toBe(0);
    for (const folder of await readdir(out)) {
      expect((await readdir(path.join(out, folder))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      expect(pdfinfo(path.join(out, folder, `${folder}.pdf`)).Pages).toBe("1");
    }
  });
});
