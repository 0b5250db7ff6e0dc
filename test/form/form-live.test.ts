// The protocol form beside the saved file, in a real browser on a spawned `serve`: a save (by an editor, not by
// the form) updates the form's state, its messages at the fields and its preview without touching what is being
// typed; without JavaScript a reload shows the same. And the served site links its form, a built one never does.
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { launchBrowser } from "../helpers/browser.js";
import { runCli } from "../helpers/run-cli.js";
import { type Served, serveIn, waitForBody } from "../helpers/serve.js";
import { tempDir } from "../helpers/temp-dir.js";

const READY = `title: Livedeal
customer: Test GmbH
meeting:
  date: 2026-11-20
participants:
  - name: Petra Lang
    company: Test GmbH
summary: Angebot besprochen.
actions:
  - task: Angebot schicken   # mit Preisblatt
    owner: Petra Lang
    due: 2026-11-27
next_meeting:
  date: 2026-12-08
`;

let cwd: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  cwd = await dealsDir({ "live.yaml": READY });
  served = await serveIn(cwd);
  browser = await launchBrowser({ loopback: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

async function open(url: string, javaScript = true): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(javaScript);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(served.url(url), { waitUntil: "domcontentloaded" });
  return page;
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? "").replace(/\s+/g, " ").trim());

describe("the form follows the saved file", () => {
  it("shows the state, then after an editor's save the new state, messages and preview, keeping what is typed", async () => {
    const page = await open("/edit/live");
    expect(await text(page, "#live-status [data-ready]")).toBe("versandbereit ✓");
    expect(await page.$eval("#n-actions\\.0\\.task", (el) => el.childElementCount)).toBe(0);
    // Someone is typing into the form, not saved.
    await page.type("#i-summary", " Noch nicht gespeichert.");
    const typed = await page.$eval("#i-summary", (el) => (el as unknown as { value: string }).value);

    // An editor saves the file: the action loses its due date and the title changes.
    const file = path.join(cwd, "deals", "live.yaml");
    await writeFile(file, READY.replace("    due: 2026-11-27\n", "").replace("Livedeal", "Livedeal neu"));

    await page.waitForFunction(`(document.querySelector("#live-status [data-ready]")?.textContent ?? "").startsWith("fehlt:")`, {
      timeout: 30_000,
    });
    expect(await text(page, "#live-status [data-ready]")).toBe("fehlt: Ohne Frist");
    expect(await text(page, "#n-actions\\.0\\.task")).toContain("Aufgabe „Angebot schicken“ hat keine Frist.");
    expect(await page.$eval("#i-actions\\.0\\.task", (el) => el.getAttribute("aria-invalid"))).toBe("true");
    expect(await page.$eval("#i-actions\\.0\\.task", (el) => el.getAttribute("aria-describedby"))).toContain("n-actions.0.task");
    // The file changed under the form: it says so, saving would be a 409.
    expect(await page.$eval("#stale", (el) => (el as unknown as { hidden: boolean }).hidden)).toBe(false);
    // What was typed, and the due date the form still shows, are untouched.
    expect(await page.$eval("#i-summary", (el) => (el as unknown as { value: string }).value)).toBe(typed);
    expect(await page.$eval("#i-actions\\.0\\.due", (el) => (el as unknown as { value: string }).value)).toBe("2026-11-27");
    // The preview beside the form shows the saved file, and the one-page check comes once it is printed.
    await page.waitForFunction(
      `(document.querySelector("aside.preview iframe")?.contentDocument?.title ?? "").startsWith("Livedeal neu")`,
      { timeout: 30_000 },
    );
    await page.waitForFunction(`document.querySelector('#live-status [data-preview="fits"]') !== null`, {
      timeout: 60_000,
    });
    expect(await text(page, "#live-status [data-preview]")).toBe("passt auf eine Seite ✓");
    await page.close();

    // Without JavaScript the same comes with a reload.
    const plain = await open("/edit/live", false);
    expect(await text(plain, "#live-status [data-ready]")).toBe("fehlt: Ohne Frist");
    expect(await text(plain, "#live-status [data-preview]")).toBe("passt auf eine Seite ✓");
    expect(await text(plain, "#n-actions\\.0\\.task")).toContain("hat keine Frist");
    await plain.close();
    await writeFile(file, READY);
    // Back as it was, and printed: no reload of the deal page is still to come for the next test.
    await waitForBody(
      served.url("/deals/live/index.html"),
      (body) => body.includes("<title>Livedeal – ") && body.includes('data-preview="fits"'),
    );
  }, 120_000);
});

describe("links to the form", () => {
  it("the served deal page links its form and the served index links /new; both lead there", async () => {
    const index = await open("/index.html");
    expect(await index.$$eval("a[data-form-link]", (as) => as.map((a) => a.getAttribute("href")))).toEqual(["/new"]);
    await index.click('a[href="/new"]');
    await index.waitForFunction(`location.pathname === "/new" && document.readyState !== "loading"`);
    expect(await text(index, "h1")).toBe("Neues Protokoll");
    await index.close();

    const dealPage = await open("/deals/live/");
    expect(await dealPage.$$eval("a[data-form-link]", (as) => as.map((a) => a.getAttribute("href")))).toEqual(["/edit/live"]);
    await dealPage.click('a[href="/edit/live"]');
    await dealPage.waitForFunction(`location.pathname === "/edit/live" && document.readyState !== "loading"`);
    expect(await dealPage.$eval("#i-title", (el) => (el as unknown as { value: string }).value)).toBe("Livedeal");
    await dealPage.close();
  }, 60_000);

  it.each([[[]], [["--audience", "client"]]])(
    "a static build %j links no form: no server answers there",
    async (extra) => {
      const out = tempDir("protokoll-form-links-");
      const result = await runCli(["build", "--deals", "deals", "--out", out, ...extra], {
        cwd,
        env: { PROTOKOLL_TODAY: "2026-11-23" },
      });
      expect(result.code).toBe(0);
      const pages = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        const html = readFileSync(path.join(out, page), "utf8");
        expect(html, page).not.toMatch(/data-form-link|href="\/(edit|new)\b/);
      }
    },
    120_000,
  );
});
