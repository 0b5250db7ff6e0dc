// Accessibility of the pages people use every day, checked by axe-core in real Chromium.
import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser } from "../helpers/browser.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

let site: string;
let browser: Browser;

beforeAll(async () => {
  const cwd = tempDir("protokoll-axe-");
  await mkdir(path.join(cwd, "deals"));
  for (const file of await readdir(path.join(ROOT, "deals")))
    await copyFile(path.join(ROOT, "deals", file), path.join(cwd, "deals", file));
  expect((await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd })).code).toBe(0);
  site = path.join(cwd, "_site");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// Every kind of page, at a desktop width and a phone width: WCAG 2.2 AA includes target size (2.5.8).
const PAGES = [
  ["index", "index.html"],
  ["deal page", "deals/messebau-erstgespraech-koehler/index.html"],
  ["deal page with terms and escalation", "deals/agentur-kurskorrektur-lindenhof/index.html"],
  ["deal page (English)", "deals/clinic-scheduling-pilot/index.html"],
  ["owners", "owners/index.html"],
  ["owner page", "owners/jonas-keller/index.html"],
  ["upcoming", "upcoming/index.html"],
  ["finding filter", "findings/overdue/index.html"],
  ["status filter", "status/active/index.html"],
  ["all deals", "all/1/index.html"],
] as const;

describe("axe-core", () => {
  it.each(PAGES.flatMap(([name, file]) => [1280, 375].map((width) => [name, width, file] as const)))(
    "finds no violations on the %s at %i px",
    async (_, width, file) => {
      const page = await browser.newPage();
      try {
        await page.setViewport({ width, height: 900 });
        await page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: "load" });
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
});
