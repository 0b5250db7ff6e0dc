// One person, one owner page, one calendar address, for good — in a real git repository: among names that slugify
// alike, the plain slug belongs to the name first seen owning an action in the deals' history, so a name added
// later never takes the address of the one who had it, whichever is spelled with umlauts. Built, served and
// reviewed by the spawned CLI; the feeds read by ical.js, the drafts by mailparser. Named after what broke.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { ownerKey } from "../../src/model/owner-directory.js";
import { dealsDir } from "../helpers/analyse.js";
import { gitRepo } from "../helpers/git-repo.js";
import { CLI_CACHE_DIR, runCli } from "../helpers/run-cli.js";
import { serveIn, waitForBody } from "../helpers/serve.js";

const TODAY = "2026-11-23";
const JOERG = "Joerg Mueller";
const JOERG_UMLAUT = "Jörg Müller".normalize("NFC");

/** A deal of `customer` whose one open action `task` is `owner`'s, due this week. */
const owned = (customer: string, owner: string, task: string) =>
  [
    `title: Vertrag ${customer}`,
    `customer: ${customer}`,
    "meeting:",
    "  date: 2026-11-20",
    "actions:",
    `  - task: ${task}`,
    `    owner: ${owner}`,
    "    due: 2026-11-26",
    "next_meeting:",
    "  date: 2026-12-10",
    "",
  ].join("\n");

const CONFIG = [
  "site_url: https://deals.nordlicht.example",
  "sender:",
  "  name: Vertrieb Nordlicht",
  "  email: vertrieb@nordlicht.example",
  "owners:",
  `  - name: ${JOERG}`,
  "    email: joerg@nordlicht.example",
  `  - name: ${JOERG_UMLAUT}`,
  "    email: jorg@nordlicht.example",
  "",
].join("\n");

async function build(cwd: string): Promise<void> {
  const result = await runCli(["build", "--no-pdf", "--today", TODAY], { cwd });
  expect(result.code, result.stderr).toBe(0);
}

const owners = (cwd: string) =>
  readdirSync(path.join(cwd, "_site", "owners"))
    .filter((name) => name !== "index.html")
    .sort();
const page = (cwd: string, slug: string) => readFileSync(path.join(cwd, "_site", "owners", slug, "index.html"), "utf8");

/** The summaries of the events of `owners/<slug>/calendar.ics`, as ical.js reads them. */
function feed(cwd: string, slug: string): string[] {
  const text = readFileSync(path.join(cwd, "_site", "owners", slug, "calendar.ics"), "utf8");
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => String(new ICAL.Event(v).summary));
}

/** The one slug of the listing that is not `plain`: it must be `plain` plus a six-digit hash. */
function hashed(list: readonly string[], plain: string): string {
  const others = list.filter((slug) => slug !== plain);
  expect(others).toHaveLength(1);
  expect(others[0]).toMatch(new RegExp(`^${plain}-[0-9a-f]{6}$`));
  return others[0] as string;
}

/** A commit at a given date (the history is read by commit date and first-parent order). */
function commitAt(dir: string, date: string, message: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` };
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      env,
    });
  git("add", "-A");
  git("commit", "-q", "-m", message);
}

describe("owner slugs follow who was first seen in the history", () => {
  it("a deal owned by 'Jörg Müller' added next to 'Joerg Mueller' moved Joerg to a hashed slug and gave his calendar URL Jörg's deadlines", async () => {
    const repo = await gitRepo();
    await repo.write("protokoll.config.yaml", CONFIG);
    await repo.write("deals/zeta.yaml", owned("Zeta AG", JOERG, "Angebot Zeta nachfassen"));
    repo.commit("Joerg owns the Zeta offer");
    await build(repo.dir);
    expect(owners(repo.dir)).toEqual(["joerg-mueller"]);

    // Weeks later, a deal owned by Jörg Müller (umlauts: the name rule alone would give him the plain slug).
    await repo.write("deals/alpha.yaml", owned("Alpha GmbH", JOERG_UMLAUT, "Vertrag Alpha gegenlesen"));
    repo.commit("Jörg owns the Alpha contract");
    await build(repo.dir);
    const list = owners(repo.dir);
    expect(list).toContain("joerg-mueller");
    const other = hashed(list, "joerg-mueller");

    const joerg = feed(repo.dir, "joerg-mueller");
    expect(joerg.some((s) => s.includes("Angebot Zeta nachfassen"))).toBe(true);
    expect(joerg.filter((s) => s.includes("Alpha") || s.includes("Vertrag Alpha gegenlesen"))).toEqual([]);
    const jorg = feed(repo.dir, other);
    expect(jorg.some((s) => s.includes("Vertrag Alpha gegenlesen"))).toBe(true);
    expect(jorg.filter((s) => s.includes("Zeta"))).toEqual([]);
    expect(page(repo.dir, "joerg-mueller")).toContain(JOERG);
    expect(page(repo.dir, "joerg-mueller")).not.toContain("Vertrag Alpha gegenlesen");
    expect(page(repo.dir, other)).toContain(JOERG_UMLAUT);

    // `build --at` the same commit: the same slugs, from the history as it was there.
    const at = await runCli(["build", "--no-pdf", "--today", TODAY, "--at", "HEAD", "--out", "at-head"], { cwd: repo.dir });
    expect(at.code, at.stderr).toBe(0);
    const atHead = (slug: string) => readFileSync(path.join(repo.dir, "at-head", "owners", slug, "index.html"), "utf8");
    expect(atHead("joerg-mueller")).toContain("Angebot Zeta nachfassen");
    expect(atHead(other)).toContain("Vertrag Alpha gegenlesen");

    // `review --per-owner` hands out the same slugs as the site: joerg-mueller.eml goes to Joerg.
    const out = path.join(repo.dir, "mails");
    const review = await runCli(["review", "--per-owner", "--format", "eml", "--out", out, "--today", TODAY], {
      cwd: repo.dir,
    });
    expect(review.code, review.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${other}.eml`, "joerg-mueller.eml"].sort());
    const mailOf = async (slug: string) => simpleParser(readFileSync(path.join(out, `${slug}.eml`)));
    const toJoerg = await mailOf("joerg-mueller");
    expect(toJoerg.to && "text" in toJoerg.to ? toJoerg.to.text : "").toContain("joerg@nordlicht.example");
    expect(toJoerg.text).toContain("Angebot Zeta nachfassen");
    expect(toJoerg.text).not.toContain("Vertrag Alpha gegenlesen");
    const toJorg = await mailOf(other);
    expect(toJorg.to && "text" in toJorg.to ? toJorg.to.text : "").toContain("jorg@nordlicht.example");

    // `serve` too: its owner page at the plain slug is Joerg's.
    const served = await serveIn(repo.dir, [], { PROTOKOLL_CACHE_DIR: CLI_CACHE_DIR });
    try {
      const body = await waitForBody(served.url("/owners/joerg-mueller/index.html"), (b) => b.includes("</html>"));
      expect(body).toContain("Angebot Zeta nachfassen");
      expect(body).not.toContain("Vertrag Alpha gegenlesen");
      const theirs = await waitForBody(served.url(`/owners/${other}/index.html`), (b) => b.includes("</html>"));
      expect(theirs).toContain("Vertrag Alpha gegenlesen");
    } finally {
      await served.stop();
    }
  }, 120_000);

  it("'Jörg Müller' first, 'Joerg Mueller' added: Jörg keeps owners/joerg-mueller/", async () => {
    const repo = await gitRepo();
    await repo.write("deals/zeta.yaml", owned("Zeta AG", JOERG_UMLAUT, "Vertrag Zeta gegenlesen"));
    repo.commit("Jörg owns the Zeta contract");
    // The newcomer's deal comes first in file order.
    await repo.write("deals/alpha.yaml", owned("Alpha GmbH", JOERG, "Angebot Alpha nachfassen"));
    repo.commit("Joerg owns the Alpha offer");
    await build(repo.dir);
    const other = hashed(owners(repo.dir), "joerg-mueller");
    expect(feed(repo.dir, "joerg-mueller").some((s) => s.includes("Vertrag Zeta gegenlesen"))).toBe(true);
    expect(feed(repo.dir, "joerg-mueller").filter((s) => s.includes("Alpha"))).toEqual([]);
    expect(feed(repo.dir, other).some((s) => s.includes("Angebot Alpha nachfassen"))).toBe(true);
    expect(page(repo.dir, "joerg-mueller")).toContain(JOERG_UMLAUT);
  }, 60_000);

  it("a name first seen before the 52-week window kept its slug though its deal was edited since", async () => {
    // Joerg since January 2025; Jörg from March 2025; Joerg's deal edited in June 2025, so the version in force
    // when the window opens (late 2025) is younger than Jörg's first commit: only the older versions tell.
    const repo = await gitRepo();
    await repo.write("deals/zeta.yaml", owned("Zeta AG", JOERG, "Angebot Zeta nachfassen"));
    commitAt(repo.dir, "2025-01-10", "Joerg owns the Zeta offer");
    await repo.write("deals/alpha.yaml", owned("Alpha GmbH", JOERG_UMLAUT, "Vertrag Alpha gegenlesen"));
    commitAt(repo.dir, "2025-03-01", "Jörg owns the Alpha contract");
    await repo.write("deals/zeta.yaml", owned("Zeta AG", JOERG, "Angebot Zeta nachfassen (neu)"));
    commitAt(repo.dir, "2025-06-01", "Zeta offer renamed");
    await build(repo.dir);
    const other = hashed(owners(repo.dir), "joerg-mueller");
    expect(feed(repo.dir, "joerg-mueller").some((s) => s.includes("Angebot Zeta nachfassen (neu)"))).toBe(true);
    expect(feed(repo.dir, other).some((s) => s.includes("Vertrag Alpha gegenlesen"))).toBe(true);
    // The same from the history cache (an unchanged HEAD: the older versions' owners come from it).
    await build(repo.dir);
    expect(hashed(owners(repo.dir), "joerg-mueller")).toBe(other);
    expect(feed(repo.dir, "joerg-mueller").some((s) => s.includes("Angebot Zeta nachfassen (neu)"))).toBe(true);
  }, 60_000);

  it("a name only in the working tree does not take the slug of a committed one", async () => {
    const repo = await gitRepo();
    await repo.write("deals/zeta.yaml", owned("Zeta AG", JOERG, "Angebot Zeta nachfassen"));
    repo.commit("Joerg owns the Zeta offer");
    await repo.write("deals/alpha.yaml", owned("Alpha GmbH", JOERG_UMLAUT, "Vertrag Alpha gegenlesen"));
    await build(repo.dir);
    const other = hashed(owners(repo.dir), "joerg-mueller");
    expect(feed(repo.dir, "joerg-mueller").some((s) => s.includes("Angebot Zeta nachfassen"))).toBe(true);
    expect(feed(repo.dir, other).some((s) => s.includes("Vertrag Alpha gegenlesen"))).toBe(true);
  }, 60_000);

  it("the NFD spelling committed from a Mac and the NFC one from Windows are one person, one page, one feed, first seen together", async () => {
    const repo = await gitRepo();
    await repo.write("deals/mac.yaml", owned("Mac GmbH", "Jörg Müller".normalize("NFD"), "Vom Mac getippt"));
    repo.commit("typed on a Mac");
    await repo.write("deals/alpha.yaml", owned("Alpha GmbH", JOERG, "Angebot Alpha nachfassen"));
    repo.commit("Joerg owns the Alpha offer");
    // The NFC spelling comes after Joerg Mueller: the NFD commit before him is the person's first.
    await repo.write("deals/win.yaml", owned("Win AG", JOERG_UMLAUT, "Unter Windows getippt"));
    repo.commit("typed on Windows");
    await build(repo.dir);
    const other = hashed(owners(repo.dir), "joerg-mueller");
    const jorg = feed(repo.dir, "joerg-mueller");
    expect(jorg.some((s) => s.includes("Vom Mac getippt"))).toBe(true);
    expect(jorg.some((s) => s.includes("Unter Windows getippt"))).toBe(true);
    expect(jorg.filter((s) => s.includes("Alpha"))).toEqual([]);
    const html = page(repo.dir, "joerg-mueller");
    expect(html).toContain("Vom Mac getippt");
    expect(html).toContain("Unter Windows getippt");
    expect(feed(repo.dir, other).some((s) => s.includes("Angebot Alpha nachfassen"))).toBe(true);
    expect(ownerKey("Jörg Müller".normalize("NFD"))).toBe(ownerKey(JOERG_UMLAUT));
  }, 60_000);

  it("outside git, and for names first seen in the same commit, the name decides: the spelling with umlauts keeps the plain slug", async () => {
    const files = {
      "alpha.yaml": owned("Alpha GmbH", JOERG, "Angebot Alpha nachfassen"),
      "zeta.yaml": owned("Zeta AG", JOERG_UMLAUT, "Vertrag Zeta gegenlesen"),
    };
    const outside = await dealsDir(files);
    const repo = await gitRepo();
    for (const [name, text] of Object.entries(files)) await repo.write(`deals/${name}`, text);
    repo.commit("both at once");
    for (const cwd of [outside, repo.dir]) {
      await build(cwd);
      const other = hashed(owners(cwd), "joerg-mueller");
      expect(feed(cwd, "joerg-mueller").some((s) => s.includes("Vertrag Zeta gegenlesen"))).toBe(true);
      expect(feed(cwd, other).some((s) => s.includes("Angebot Alpha nachfassen"))).toBe(true);
    }
  }, 60_000);
});
