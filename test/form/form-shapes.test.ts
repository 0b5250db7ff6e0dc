// The form changes a field's shape and the order of entries the way a careful colleague would edit the file:
// "nur intern" turns a risk or abort criterion from a line into `{text, internal: true}` and back, and an action's
// `internal` on and off; "Nach oben" and "Entfernen" move or drop whole entries, their comments with them. `git
// diff` of a real repository shows only the lines that had to change, in a real browser and over plain HTTP.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { launchBrowser } from "../helpers/browser.js";
import { fieldsOf, sendTo } from "../helpers/form-client.js";
import { gitRepo } from "../helpers/git-repo.js";
import { ROOT } from "../helpers/run-cli.js";
import { type Served, serveIn } from "../helpers/serve.js";

const WEBER = "software-rollout-weber";

/** Explicit `internal: false`, comments on entries, an abort criterion with `by`. */
const FLAGS = `title: Flaggen
customer: Test GmbH
meeting:
  date: 2026-11-20
participants:
  - name: Petra Lang
    company: Test GmbH
actions:
  # Erst das Angebot
  - task: Angebot schicken  # mit Preisblatt
    owner: Petra Lang
    due: 2026-11-27
    internal: false   # bewusst sichtbar
  # Dann der Termin
  - task: Termin vorbereiten
    owner: Petra Lang
    due: 2026-12-01
  - task: Referenzen sammeln
    owner: Petra Lang
    due: 2026-12-04
abort_criteria:
  - text: Kein Budget bis Jahresende  # Einschätzung Vertrieb
    by: 2026-12-18
    internal: false
next_meeting:
  date: 2026-12-08
`;

let repo: Awaited<ReturnType<typeof gitRepo>>;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  repo = await gitRepo();
  await repo.write(`deals/${WEBER}.yaml`, readFileSync(path.join(ROOT, "deals", `${WEBER}.yaml`), "utf8"));
  await repo.write("deals/flags.yaml", FLAGS);
  repo.commit("deals");
  served = await serveIn(repo.dir);
  browser = await launchBrowser({ loopback: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** The lines `git diff` shows removed (-) and added (+) for one deal file, without the file headers. */
function changedLines(slug: string): string[] {
  const diff = repo.git("diff", "--unified=0", "--", `deals/${slug}.yaml`);
  return diff.split("\n").filter((line) => /^[+-](?![+-])/.test(line));
}

async function data(slug: string): Promise<Record<string, unknown>> {
  return parse(await readFile(path.join(repo.dir, "deals", `${slug}.yaml`), "utf8"));
}

async function form(slug: string): Promise<URLSearchParams> {
  const reply = await sendTo(served.port, "GET", `/edit/${slug}`);
  expect(reply.status).toBe(200);
  return fieldsOf(reply.body);
}

async function post(slug: string, fields: URLSearchParams): Promise<number> {
  return (await sendTo(served.port, "POST", `/edit/${slug}`, fields.toString())).status;
}

async function open(slug: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(served.url(`/edit/${slug}`), { waitUntil: "domcontentloaded" });
  return page;
}

async function click(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: "domcontentloaded" }), page.click(selector)]);
}

// Each test starts from the committed files.
afterEach(() => {
  repo.git("checkout", "--", "deals");
});

describe("nur intern", () => {
  it("ticked in the browser on a plain risk makes it {text, internal: true}; the other risk unticked becomes a line", async () => {
    const page = await open(WEBER);
    expect(await page.$eval("#i-risks\\.1\\.internal", (el) => (el as unknown as { checked: boolean }).checked)).toBe(true);
    expect(await page.$eval("#i-risks\\.0\\.internal", (el) => (el as unknown as { checked: boolean }).checked)).toBe(false);
    await page.click('label[for="i-risks.0.internal"]');
    await page.click("#i-risks\\.1\\.internal");
    await click(page, "button.save");
    expect(new URL(page.url()).pathname).toBe(`/deals/${WEBER}/`);
    await page.close();
    expect((await data(WEBER)).risks).toEqual([
      { text: "Ohne Telematik-Daten bleibt die Tourenplanung manuell.", internal: true },
      "Frau Weber hat intern wenig Rückhalt für den Rollout",
    ]);
    // `internal: true` stays on its line between them, so git shows only the two lines that changed shape.
    expect(changedLines(WEBER)).toEqual(
      [
        "-  - Ohne Telematik-Daten bleibt die Tourenplanung manuell.",
        "-  - text: Frau Weber hat intern wenig Rückhalt für den Rollout",
        "+  - text: Ohne Telematik-Daten bleibt die Tourenplanung manuell.",
        "-    internal: true",
        "+    internal: true",
        "+  - Frau Weber hat intern wenig Rückhalt für den Rollout",
      ].filter((line) => !line.endsWith("internal: true")),
    );
    // Sent back unchanged in its new shape, the file stays byte-identical.
    const again = await readFile(path.join(repo.dir, "deals", `${WEBER}.yaml`));
    expect(await post(WEBER, await form(WEBER))).toBe(303);
    expect((await readFile(path.join(repo.dir, "deals", `${WEBER}.yaml`))).equals(again)).toBe(true);
  });

  it("on an action: unticked removes `internal: true`, and only that line", async () => {
    const fields = await form(WEBER);
    const index = [...fields.keys()]
      .find((k) => /^actions\.\d+\.task$/.test(k) && fields.get(k)?.startsWith("Preisfreigabe"))
      ?.split(".")[1];
    expect(fields.get(`actions.${index}.internal`)).toBe("true");
    fields.delete(`actions.${index}.internal`);
    expect(await post(WEBER, fields)).toBe(303);
    expect(changedLines(WEBER)).toEqual(["-    internal: true"]);
  });

  it("keeps a file's `internal: false` and the shape of a criterion with `by`; ticked, one line changes", async () => {
    const file = path.join(repo.dir, "deals", "flags.yaml");
    expect(await post("flags", await form("flags"))).toBe(303);
    expect(await readFile(file, "utf8")).toBe(FLAGS);
    const fields = await form("flags");
    expect(fields.getAll("abort_criteria.0.internal")).toEqual(["false"]);
    fields.append("abort_criteria.0.internal", "true");
    fields.append("actions.0.internal", "true");
    expect(await post("flags", fields)).toBe(303);
    expect(changedLines("flags")).toEqual([
      "-    internal: false   # bewusst sichtbar",
      "+    internal: true   # bewusst sichtbar",
      "-    internal: false",
      "+    internal: true",
    ]);
  });
});

describe("Nach oben and Entfernen", () => {
  it("moves an action up in the browser: git diff shows only the moved entry's lines, its comment with it", async () => {
    const page = await open("flags");
    await click(page, 'button[value="up:actions.1"]');
    // The form shows the new order before anything is written.
    expect(await page.$eval("#i-actions\\.0\\.task", (el) => (el as unknown as { value: string }).value)).toBe(
      "Termin vorbereiten",
    );
    expect(changedLines("flags")).toEqual([]);
    await click(page, "button.save");
    expect(new URL(page.url()).pathname).toBe("/deals/flags/");
    await page.close();
    const first = FLAGS.slice(FLAGS.indexOf("  # Erst das Angebot"), FLAGS.indexOf("  # Dann der Termin"));
    const second = FLAGS.slice(FLAGS.indexOf("  # Dann der Termin"), FLAGS.indexOf("  - task: Referenzen"));
    // The two entries swapped as they were written, comments included.
    expect(await readFile(path.join(repo.dir, "deals", "flags.yaml"), "utf8")).toBe(
      FLAGS.replace(first + second, second + first),
    );
    // And git shows nothing but moved lines: what one side removes, the other adds.
    const lines = changedLines("flags");
    const removed = lines.filter((l) => l.startsWith("-")).map((l) => l.slice(1));
    const added = lines.filter((l) => l.startsWith("+")).map((l) => l.slice(1));
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.sort()).toEqual(added.sort());
    expect(((await data("flags")).actions as { task: string }[]).map((a) => a.task)).toEqual([
      "Termin vorbereiten",
      "Angebot schicken",
      "Referenzen sammeln",
    ]);
  });

  it("removes the first action and moves the last up over plain HTTP: only the removed and moved lines change", async () => {
    const first = await form("flags");
    const removed = await sendTo(served.port, "POST", "/edit/flags", `${first.toString()}&_op=remove%3Aactions.0`);
    expect(removed.status).toBe(200);
    const second = fieldsOf(removed.body);
    const up = await sendTo(served.port, "POST", "/edit/flags", `${second.toString()}&_op=up%3Aactions.1`);
    expect(up.status).toBe(200);
    expect(await post("flags", fieldsOf(up.body))).toBe(303);
    expect(((await data("flags")).actions as { task: string }[]).map((a) => a.task)).toEqual([
      "Referenzen sammeln",
      "Termin vorbereiten",
    ]);
    const lines = changedLines("flags");
    const gone = [
      "  # Erst das Angebot",
      "  - task: Angebot schicken  # mit Preisblatt",
      "    owner: Petra Lang",
      "    due: 2026-11-27",
      "    internal: false   # bewusst sichtbar",
    ];
    const removedLines = lines.filter((l) => l.startsWith("-")).map((l) => l.slice(1));
    const addedLines = lines.filter((l) => l.startsWith("+")).map((l) => l.slice(1));
    // Every added line was there before (a move); every removed line is the dropped entry's or comes back.
    for (const line of addedLines) expect(removedLines).toContain(line);
    expect(removedLines.filter((l) => !addedLines.includes(l)).sort()).toEqual(
      gone.filter((l) => !addedLines.includes(l)).sort(),
    );
    const thirdEntry = FLAGS.slice(FLAGS.indexOf("  - task: Referenzen"), FLAGS.indexOf("abort_criteria:"));
    const secondEntry = FLAGS.slice(FLAGS.indexOf("  # Dann der Termin"), FLAGS.indexOf("  - task: Referenzen"));
    expect(await readFile(path.join(repo.dir, "deals", "flags.yaml"), "utf8")).toBe(
      FLAGS.replace(
        FLAGS.slice(FLAGS.indexOf("  # Erst das Angebot"), FLAGS.indexOf("abort_criteria:")),
        thirdEntry + secondEntry,
      ),
    );
    expect(await readFile(path.join(repo.dir, "deals", "flags.yaml"), "utf8")).toContain(
      "  # Dann der Termin\n  - task: Termin vorbereiten\n",
    );
  });
});
