// The index of a busy team after a year: 1000 generated deals (bench/generate-deals.js, seeded), built by the
// real CLI from a deals folder given as an absolute path outside the working folder, then read as files and
// looked at in real Chromium at 1280×1000 and 375 px.
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDeals } from "../../bench/generate-deals.js";
import { axeViolations, launchBrowser } from "../helpers/browser.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

let work: string;
let repo: string;
let site: string;
let browser: Browser;
let report: { deals: { slug: string; file: string; title: string | null }[] };

const read = (file: string) => readFileSync(path.join(site, file), "utf8");
const rowsOf = (html: string) => html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>")).split("<tr").slice(1);
const findingsIn = (html: string) => [...html.matchAll(/data-finding="([a-z-]+)"/g)].map((m) => m[1] as string);
const linksIn = (html: string) => [...html.matchAll(/href="([^"#]+)/g)].map((m) => m[1] as string);

beforeAll(async () => {
  // The deals live in another folder than the one the build runs in, named by an absolute path.
  work = tempDir("protokoll-scale-work-");
  repo = tempDir("protokoll-scale-repo-");
  generateDeals(path.join(repo, "deals"), 1000);
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23", "--deals", path.join(repo, "deals")], {
    cwd: work,
  });
  expect(result.code, result.stderr).toBe(0);
  site = path.join(work, "_site");
  report = JSON.parse(read("report.json"));
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe("the index of 1000 deals", () => {
  it("holds no two chips of the same finding kind in one deal row, on the index and every list page", async () => {
    const pages = ["index.html", ...(await readdir(path.join(site, "all"))).map((n) => `all/${n}/index.html`)];
    let rows = 0;
    for (const file of pages) {
      for (const row of rowsOf(read(file))) {
        const codes = findingsIn(row);
        expect(new Set(codes).size, `${file}: ${row.slice(0, 80)}`).toBe(codes.length);
        rows++;
      }
    }
    expect(rows).toBe(100 + 1000);
  });

  it("stays under 400 KB", async () => {
    const bytes = (await readFile(path.join(site, "index.html"))).length;
    expect(bytes).toBeLessThanOrEqual(400 * 1024);
    // The most urgent 100 are on the index; the rest are on the pages it links to.
    expect(rowsOf(read("index.html"))).toHaveLength(100);
  });

  it("reaches every deal's page in at most two clicks, without JavaScript", () => {
    const index = read("index.html");
    const reached = new Set<string>();
    const visit = (html: string, from: string) => {
      for (const href of linksIn(html)) reached.add(path.posix.normalize(path.posix.join(path.posix.dirname(from), href)));
    };
    visit(index, "index.html");
    for (const page of [...reached].filter((p) => p.endsWith("index.html") && !p.startsWith("deals/"))) {
      visit(read(page), page);
    }
    const missing = report.deals.filter((d) => !reached.has(`deals/${d.slug}`) && !reached.has(`deals/${d.slug}/`));
    expect(missing.map((d) => d.slug)).toEqual([]);
  });

  it("shows each deal in the order of its urgency score, most urgent first", () => {
    const scores = rowsOf(read("all/1/index.html")).map((row) =>
      Number(/class="findings-cell" data-sort="(\d+)"/.exec(row)?.[1]),
    );
    expect(scores.length).toBe(100);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe("paths on the site", () => {
  it("are relative to the repository: no output file holds the building machine's folders", async () => {
    const files = (await readdir(site, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(3000);
    for (const entry of files) {
      const file = path.join(entry.parentPath, entry.name);
      if (/\.(woff2|pdf)$/.test(file)) continue;
      const text = await readFile(file, "utf8");
      expect(text.includes(repo), file).toBe(false);
      expect(text.includes(work), file).toBe(false);
      expect(text.includes(tmpdir()), file).toBe(false);
    }
    expect(report.deals[0]?.file).toBe("deals/deal-00001.yaml");
    expect(read("deals/deal-00001/index.html")).toContain("deals/deal-00001.yaml:");
  });
});

describe("in Chromium", () => {
  async function open(width: number, height: number, file = "index.html") {
    const page = await browser.newPage();
    await page.setViewport({ width, height });
    await page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: "load" });
    // Page code, run in the browser (as text: these tests are type-checked without the DOM library).
    await page.evaluate("document.fonts.ready");
    return page;
  }

  it("shows at least 15 deals with their findings fully above the fold at 1280×1000", async () => {
    const page = await open(1280, 1000);
    try {
      const visible = await page.evaluate(`[...document.querySelectorAll("table.deals tbody tr")].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
      }).length`);
      expect(visible).toBeGreaterThanOrEqual(15);
    } finally {
      await page.close();
    }
  });

  it("turns the table into cards at 375 px, with nothing to scroll sideways", async () => {
    const page = await open(375, 800);
    try {
      const layout = (await page.evaluate(`({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        row: getComputedStyle(document.querySelector("table.deals tbody tr")).display,
      })`)) as { scrollWidth: number; clientWidth: number; row: string };
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.row).toBe("block");
    } finally {
      await page.close();
    }
  });

  it.each([1280, 375])("has no axe violations at %i px, target size included", async (width) => {
    const page = await open(width, 1000);
    try {
      const violations = (await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")}`);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
