// `protokoll review` for a fixed week of the scripted history, spawned like a user runs it, in both languages.
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { markdownText } from "../../src/util/markdown-sink.js";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";
import { TODAY, twelveWeekRepo } from "../helpers/twelve-weeks.js";

let dir: string;

beforeAll(async () => {
  dir = (await twelveWeekRepo()).dir;
});

const review = (...args: string[]) => runCli(["review", "--today", TODAY, ...args], { cwd: dir });

/** The Markdown as a reader sees it rendered: the sink's backslash escapes, references and joiners resolved. */
const shown = (markdown: string) =>
  markdown
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/\u200d/g, "")
    .replace(/&#36;/g, "$")
    .replace(/&amp;/g, "&");

describe("protokoll review", () => {
  it.each(["de", "en"])("2026-W47 in Markdown matches the snapshot (%s)", async (lang) => {
    const result = await review("--week", "2026-W47", "--lang", lang);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`__snapshots__/review-2026-W47.${lang}.md`);
  });

  it("names what the hand-worked week holds: b3 overdue and moved three times, alpha stale, beta's lesson", async () => {
    const stdout = shown((await review("--week", "2026-W47", "--lang", "en")).stdout);
    expect(stdout).toContain(
      "**Overdue**\n\n- Vertrag entwerfen – Beta AG: Liefervertrag Beta (◆ Warning · due 20 Nov 2026 · new this week)",
    );
    expect(stdout).toContain("(moved 3 times, due 20 Nov 2026)");
    expect(stdout).toMatch(/### Deals gone stale\n\n- Alpha GmbH: Rahmenvertrag Alpha\n/);
    expect(stdout).toContain("- Früh den Einkauf einbinden. (Beta AG: Liefervertrag Beta)");
    expect(stdout).toContain("On time 0 % (0/1; goal 90 %) · 1 overdue · 1 due dates moved · 1 open");
  });

  it("the week after: b3 done late, b4 due next week", async () => {
    const stdout = shown((await review("--week", "2026-W48", "--lang", "en")).stdout);
    expect(stdout).toContain(
      "**Done late**\n\n- Vertrag entwerfen – Beta AG: Liefervertrag Beta (done 24 Nov 2026, was due 20 Nov 2026)",
    );
    expect(stdout).toContain("**Due next week**\n\n- Unterschrift einholen – Beta AG: Liefervertrag Beta (due 4 Dec 2026)");
  });

  it.each([
    ["2026-W39", "Alpha GmbH: Rahmenvertrag Alpha"], // the meeting of 21.09. was held, no new one set
    ["2026-W44", "Beta AG: Liefervertrag Beta"], // the same with 28.10.
  ])("%s: a deal that lost its next appointment", async (week, deal) => {
    const stdout = shown((await review("--week", week, "--lang", "en")).stdout);
    expect(stdout).toContain(`### Deals that lost their next appointment\n\n- ${deal}\n`);
  });

  it("defaults to the week of today", async () => {
    const { stdout } = await runCli(["review", "--today", "2026-11-18", "--lang", "en"], { cwd: dir });
    expect(stdout).toContain("## Weekly review, week 47 of 2026");
  });

  it("as an .eml draft: CRLF only, parseable, unsent, no recipient from a deal", async () => {
    const { stdout } = await review("--week", "2026-W47", "--format", "eml", "--lang", "de");
    expect(stdout).toContain("\r\n");
    expect(stdout.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const mail = await simpleParser(stdout);
    expect(mail.subject).toBe("Wochenrückblick KW 47/2026");
    expect(mail.headers.get("x-unsent")).toBe("1");
    expect(mail.to).toBeUndefined();
    expect(mail.text).toContain("Vertrag entwerfen – Beta AG: Liefervertrag Beta (3-mal verschoben, bis 20.11.2026)");
    const again = await review("--week", "2026-W47", "--format", "eml", "--lang", "de");
    expect(again.stdout).toBe(stdout);
  });

  it("as an HTML page: no script, sections marked with their finding codes", async () => {
    const { stdout } = await review("--week", "2026-W47", "--format", "html", "--lang", "de");
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).not.toMatch(/<script/i);
    expect(stdout).toContain('<h3 data-finding="due-pushed-often">');
    expect(stdout).toContain('<h2 data-finding="deal-stale">Eingeschlafene Deals</h2>');
  });

  it.each([
    ["--week", "2026-W54"],
    ["--week", "48"],
    ["--format", "pdf"],
    ["--lang", "fr"],
  ])("refuses %s %s with exit code 2", async (flag, value) => {
    const result = await review(flag, value);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^protokoll: /);
  });
});

// The KPI line said "4 überfällig" and the section under it, "became overdue this week", named one: the three
// overdue since earlier weeks were counted and never named.
describe("the review's overdue actions", () => {
  it("lists per owner every action the KPI counts as overdue, marks those new this week, oldest first", async () => {
    const repo = await gitRepo();
    const action = (task: string, due: string) => [`  - task: ${task}`, "    owner: Anna Schulz", `    due: ${due}`];
    await repo.write(
      "deals/strom.yaml",
      [
        "title: Liefervertrag Strom",
        "customer: Müller & Söhne GmbH",
        "meeting:",
        "  date: 2026-10-30",
        "participants:",
        "  - name: Anna Schulz",
        "actions:",
        ...action("Lastgang prüfen", "2026-11-18"),
        ...action("Angebot schicken", "2026-11-05"),
        ...action("Vertrag prüfen", "2026-12-18"),
        "",
      ].join("\n"),
    );
    repo.commit("first protocol");
    const result = await runCli(["review", "--week", "2026-W47", "--today", TODAY, "--lang", "de"], { cwd: repo.dir });
    expect(result.code).toBe(0);
    const stdout = shown(result.stdout);
    expect(stdout).toContain("## Wochenrückblick KW 47/2026");
    expect(stdout).toContain("· 2 überfällig ·");
    const section = stdout.split("**Überfällig**\n\n")[1]?.split("\n\n")[0]?.trimEnd();
    expect(section).toBe(
      [
        "- Angebot schicken – Müller & Söhne GmbH: Liefervertrag Strom (▲ Kritisch · bis 05.11.2026)",
        "- Lastgang prüfen – Müller & Söhne GmbH: Liefervertrag Strom (◆ Warnung · bis 18.11.2026 · neu diese Woche)",
      ].join("\n"),
    );
  });
});

describe("markdownText (deal text in a PR comment or chat): the review uses the diff's Markdown sink", () => {
  it.each([
    ["<img src=x onerror=alert(1)>", "\\<img src\\=x onerror\\=alert\\(1\\)\\>"],
    ["[click](https://evil.example)", "\\[click\\]\\(https\\:\\/\\/evil\\.example\\)"],
    ["ping @ceo and #12", "ping \\@\u200dceo and \\#\u200d12"],
    ["see www.evil.example", "see www\\.evil\\.example"],
    ["line\n# heading", "line \\#\u200d heading"],
    ["**bold** `code` ~~x~~ | a", "\\*\\*bold\\*\\* \\`code\\` \\~\\~x\\~\\~ \\| a"],
    ["Müller & Söhne", "Müller & Söhne"],
    ["&lt;b&gt; and &#60;", "&lt\\;b&gt\\; and &\\#\u200d60\\;"],
  ])("%j stays inert", (input, output) => {
    expect(markdownText(input)).toBe(output);
  });
});
