// The protocol form in a real browser: every example deal sent back unchanged stays byte-identical, one due
// date changed is one changed line, and a new protocol typed into the empty form becomes a deal ready to send.
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser } from "../helpers/browser.js";
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
  browser = await launchBrowser({ loopback: true });
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

  it("makes a new protocol ready to send from the empty form with fewer than 25 inputs", async () => {
    const page = await open("/new");
    let inputs = 0;
    const fill = async (name: string, text: string) => {
      inputs++;
      await page.type(`[name="${name}"]`, text);
    };
    await fill("title", "Wärmeliefervertrag Schule Nord");
    await fill("customer", "Gemeinde Nordheim");
    await fill("meeting.date", "2026-11-20");
    await fill("meeting.time", "10:00");
    await fill("participants.0.name", "Petra Lang");
    await fill("participants.0.company", "Gemeinde Nordheim");
    await fill("summary", "Angebot besprochen.\nDie Gemeinde will bis Jahresende entscheiden.");
    await fill("decisions.0", "Kennzahl: mehr als 90 % pünktlich");
    await fill("actions.0.task", "Angebot überarbeiten");
    await fill("actions.0.owner", "Petra Lang");
    inputs++;
    await page.click('button[data-for="i-actions.0.due"][data-days="7"]');
    await fill("next_meeting.date", "2026-12-08");
    expect(inputs).toBeLessThanOrEqual(25);
    expect(await page.evaluate(`document.querySelector('[name="actions.0.due"]').value`)).toBe("2026-11-27");
    await save(page);
    expect(new URL(page.url()).pathname).toBe("/deals/2026-11-20-waermeliefervertrag-schule-nord/");
    const readiness = await page.$eval(".readiness-box", (el) => el.textContent ?? "");
    expect(readiness.replace(/\s+/g, " ").trim()).toBe("versandbereit ✓");
    const file = await readFile(path.join(repo.dir, "deals", "2026-11-20-waermeliefervertrag-schule-nord.yaml"), "utf8");
    expect(file).toContain('  - "Kennzahl: mehr als 90 % pünktlich"');
    expect(file).toContain('  time: "10:00"');
    await page.close();
  });

  it("posts without JavaScript: an action added with the form's own button, then saved", async () => {
    const slug = "clinic-scheduling-pilot";
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(served.url(`/edit/${slug}`), { waitUntil: "domcontentloaded" });
    const count = await page.$$eval('[name$=".task"][name^="actions."]', (els) => els.length);
    await Promise.all([page.waitForNavigation(), page.click('button[value="add:actions"]')]);
    expect(await page.$$eval('[name$=".task"][name^="actions."]', (els) => els.length)).toBe(count + 1);
    await page.type(`[name="actions.${count - 1}.task"]`, "Rückruf Praxisleitung");
    await page.type(`[name="actions.${count - 1}.owner"]`, "Wer auch immer");
    await save(page);
    expect(new URL(page.url()).pathname).toBe(`/deals/${slug}/`);
    const text = await readFile(path.join(repo.dir, "deals", `${slug}.yaml`), "utf8");
    expect(text).toContain("  - task: Rückruf Praxisleitung\n    owner: Wer auch immer\n");
    await page.close();
  });

  it.each([375, 1280])("has no axe violations and nothing wider than the screen at %i px", async (width) => {
    for (const url of ["/new", "/edit/kfz-rahmenvertrag-bergmann"]) {
      const page = await browser.newPage();
      // axe is added as a script, which the form's own policy would refuse.
      await page.setBypassCSP(true);
      await page.setViewport({ width, height: 800 });
      await page.goto(served.url(url), { waitUntil: "domcontentloaded" });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
      await page.close();
    }
  });

  it("reaches every control by keyboard, each with a visible focus", async () => {
    const page = await open("/edit/stadtwerke-musterstadt-strom");
    // Every visible control gets a number, to tell apart buttons of the same name (each action's "+2 Tage").
    const controls = (await page.evaluate(`(() => {
      const all = document.querySelectorAll("main input:not([type=hidden]), main select, main textarea, main button");
      const visible = [...all].filter((el) => !el.closest("[hidden]"));
      visible.forEach((el, i) => { el.dataset.k = String(i); });
      return visible.length;
    })()`)) as number;
    const seen = new Set<string>();
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press("Tab");
      const focused = (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el || !el.closest("main")) return undefined;
        return { key: el.dataset.k ?? "", outline: getComputedStyle(el).outlineStyle };
      })()`)) as { key: string; outline: string } | undefined;
      if (!focused) continue;
      expect(focused.outline).not.toBe("none");
      seen.add(focused.key);
    }
    expect(seen.size).toBe(controls);
    await page.close();
  });
});
