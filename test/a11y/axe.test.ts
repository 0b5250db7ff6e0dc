// Accessibility of every kind of page, checked by axe-core (all rules but AAA contrast, see axeViolations) in
// real Chromium at a desktop and a phone width; and at 375 px no page scrolls sideways and no label breaks
// inside a word (owner pages scrolled by 400–490 px, the deal page broke "Termin" as "Termin / :").
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser } from "../helpers/browser.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

let cwd: string;
let browser: Browser;

beforeAll(async () => {
  cwd = tempDir("protokoll-axe-");
  await mkdir(path.join(cwd, "deals"));
  for (const file of await readdir(path.join(ROOT, "deals")))
    await copyFile(path.join(ROOT, "deals", file), path.join(cwd, "deals", file));
  // A commit, so the site has its weekly reviews and trends.
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd,
      env: { ...process.env, GIT_AUTHOR_DATE: "2026-11-20T10:00:00Z", GIT_COMMITTER_DATE: "2026-11-20T10:00:00Z" },
    });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "deals");
  expect((await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd })).code).toBe(0);
  const client = await runCli(["build", "--no-pdf", "--today", "2026-11-23", "--audience", "client", "--out", "_client"], {
    cwd,
  });
  expect(client.code).toBe(0);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// Every kind of page of the team site and the client site.
const PAGES = [
  ["index", "_site/index.html"],
  ["deal page", "_site/deals/messebau-erstgespraech-koehler/index.html"],
  ["deal page with terms and escalation", "_site/deals/agentur-kurskorrektur-lindenhof/index.html"],
  ["deal page (English)", "_site/deals/clinic-scheduling-pilot/index.html"],
  ["deal page with long e-mail addresses", "_site/deals/stadtwerke-musterstadt-strom/index.html"],
  ["owners", "_site/owners/index.html"],
  ["owner page", "_site/owners/jonas-keller/index.html"],
  ["owner page of actions without owner", "_site/owners/ohne-verantwortliche/index.html"],
  ["upcoming", "_site/upcoming/index.html"],
  ["lessons", "_site/lessons/index.html"],
  ["finding filter", "_site/findings/overdue/index.html"],
  ["status filter", "_site/status/active/index.html"],
  ["readiness filter", "_site/send/not-ready/index.html"],
  ["weekly review", "_site/review/2026-W48/index.html"],
  ["all deals", "_site/all/1/index.html"],
  ["client index", "_client/index.html"],
  ["client deal page", "_client/deals/stadtwerke-musterstadt-strom/index.html"],
] as const;

/** Labels (table and list headers, the deal page's field names) whose text wraps inside a word. */
const LABELS_BROKEN_IN_A_WORD = `(() => {
  const broken = [];
  for (const label of document.querySelectorAll("th, dt, .label, legend, label")) {
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
})()`;

describe("every page kind", () => {
  it.each(PAGES.flatMap(([name, file]) => [1280, 375].map((width) => [name, width, file] as const)))(
    "axe finds no violations on the %s at %i px",
    async (_, width, file) => {
      const page = await browser.newPage();
      try {
        await page.setViewport({ width, height: 900 });
        await page.goto(pathToFileURL(path.join(cwd, file)).href, { waitUntil: "load" });
        await page.evaluate("document.fonts.ready"); // page code as text: no DOM types in the tests
        const violations = (await axeViolations(page)).map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  // The 🔒 emoji was a missing-glyph box where no emoji font is installed; the padlock is drawn instead.
  it("marks the internal parts with a drawn padlock, not an emoji", async () => {
    for (const file of ["_site/deals/agentur-kurskorrektur-lindenhof/index.html", "_site/lessons/index.html"]) {
      const html = await readFile(path.join(cwd, file), "utf8");
      expect(html, file).not.toContain("🔒");
      expect(html, file).toMatch(/<svg class="icon-lock"[^>]*aria-hidden="true"/);
    }
  });

  it.each(PAGES)("the %s fits 375 px: no sideways scrolling, no label broken inside a word", async (_, file) => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 375, height: 800 });
      await page.goto(pathToFileURL(path.join(cwd, file)).href, { waitUntil: "load" });
      await page.evaluate("document.fonts.ready");
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
      expect(await page.evaluate(LABELS_BROKEN_IN_A_WORD)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
