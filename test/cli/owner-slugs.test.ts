// One person, one owner page, one calendar address, for good: slugs come from the names, never from the order
// of files, and the NFD and NFC spellings of a name are one person. Regression tests named after what broke.
// These folders are not git repositories: the name rule decides (who was first seen in the history decides in a
// repository, test/cli/owner-slugs-history.test.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assignSlugs, ownerKey } from "../../src/model/owner-directory.js";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const NFC = "Jörg Müller".normalize("NFC");
const NFD = "Jörg Müller".normalize("NFD");

const owned = (owner: string, task: string) =>
  deal("actions:", `  - task: ${task}`, `    owner: ${owner}`, "    due: 2026-12-04", "next_meeting:", "  date: 2026-12-10");

async function build(cwd: string): Promise<void> {
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
  expect(result.code, result.stderr).toBe(0);
}

const owners = (cwd: string) =>
  readdirSync(path.join(cwd, "_site", "owners"))
    .filter((name) => name !== "index.html")
    .sort();
const feed = (cwd: string, slug: string) => readFileSync(path.join(cwd, "_site", "owners", slug, "calendar.ics"), "utf8");
const page = (cwd: string, slug: string) => readFileSync(path.join(cwd, "_site", "owners", slug, "index.html"), "utf8");

describe("owner slugs", () => {
  it("adding a deal owned by 'Joerg Mueller' moved 'Jörg Müller' to owners/joerg-mueller-2/ and gave his calendar URL to someone else", async () => {
    const cwd = await dealsDir({ "zeta.yaml": owned(NFC, "Joergs Umlautaufgabe") });
    made.push(cwd);
    await build(cwd);
    expect(owners(cwd)).toEqual(["joerg-mueller"]);
    expect(feed(cwd, "joerg-mueller")).toContain("Joergs Umlautaufgabe");

    // The newcomer's deal comes first in file order: it used to take the plain slug.
    await writeFile(path.join(cwd, "deals", "alpha.yaml"), owned("Joerg Mueller", "Aufgabe des anderen Joerg"));
    await build(cwd);
    const [plain, other] = owners(cwd);
    expect(plain).toBe("joerg-mueller");
    // The hash of the newcomer's own name (sha256 of "joerg mueller"), whoever else is there.
    expect(other).toBe("joerg-mueller-257ec8");
    expect(feed(cwd, "joerg-mueller")).toContain("Joergs Umlautaufgabe");
    expect(feed(cwd, "joerg-mueller")).not.toContain("Aufgabe des anderen Joerg");
    expect(feed(cwd, other as string)).toContain("Aufgabe des anderen Joerg");
    expect(feed(cwd, other as string)).not.toContain("Joergs Umlautaufgabe");
    expect(page(cwd, "joerg-mueller")).toContain("Jörg Müller");
  });

  it("suffixes stacked (-2-2-2), and depended on the order of the deals", () => {
    // Names whose plain slugs, and the slugs with a counter, are each other's.
    const names = ["Joerg Mueller", "Jörg Müller", "Jörg Mueller", "joerg-mueller-2", "Joerg  MUELLER-2", "Jörg Müller 2"];
    const entries = names.map((n) => [ownerKey(n), n] as const);
    const forward = assignSlugs(new Map(entries));
    const backward = assignSlugs(new Map([...entries].reverse()));
    const slugs = [...forward.values()].map((e) => e.slug);
    expect(new Set(slugs).size).toBe(forward.size);
    for (const [key, entry] of forward) expect(backward.get(key)?.slug).toBe(entry.slug);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
    for (const slug of slugs) expect(slug).not.toMatch(/-[0-9a-f]{6}-[0-9a-f]{6}$|-2-2/);
    expect(forward.get(ownerKey("Jörg Müller"))?.slug).toBe("joerg-mueller");
    // A name at the slug's length limit keeps its hash whole.
    const long = assignSlugs(
      new Map([
        ["a".repeat(70), undefined],
        [`${"a".repeat(69)}ä`, undefined],
      ]),
    );
    for (const entry of long.values()) expect(entry.slug.length).toBeLessThanOrEqual(60);
    expect(new Set([...long.values()].map((e) => e.slug)).size).toBe(2);
  });

  it("an NFD spelling of a name counted as the same person for findings but got an owner page and a feed of its own", async () => {
    expect(ownerKey(NFD)).toBe(ownerKey(NFC));
    const cwd = await dealsDir({ "mac.yaml": owned(NFD, "Vom Mac getippt"), "win.yaml": owned(NFC, "Unter Windows getippt") });
    made.push(cwd);
    await build(cwd);
    expect(owners(cwd)).toEqual(["joerg-mueller"]);
    const calendar = feed(cwd, "joerg-mueller");
    expect(calendar).toContain("Vom Mac getippt");
    expect(calendar).toContain("Unter Windows getippt");
    const html = page(cwd, "joerg-mueller");
    expect(html).toContain("Vom Mac getippt");
    expect(html).toContain("Unter Windows getippt");
    expect(html).toContain(NFC);
    expect(existsSync(path.join(cwd, "_site", "owners", "joerg-mueller-2"))).toBe(false);
  });
});
