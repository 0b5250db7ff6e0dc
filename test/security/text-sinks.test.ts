// Deal text is shown whole and inert, or reported: control characters are an `invalid-field` error and never
// reach a page raw; a file with CR-only line endings is refused as such; the review and diff Markdown keep
// GitHub from rendering math, references and direction overrides out of deal text. Named after what broke.
import { readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** C0 but TAB, LF, CR; DEL; C1. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function textFiles(dir: string): [string, string][] {
  return (
    readdirSync(dir, { recursive: true, withFileTypes: true })
      // JSON escapes for itself (a C1 character is valid there, and a parser reads it back as data).
      .filter((e) => e.isFile() && !/\.(pdf|woff2?|png|jpe?g|json)$/.test(e.name))
      .map((e) => {
        const full = path.join(e.parentPath, e.name);
        return [path.relative(dir, full), readFileSync(full, "utf8")] as [string, string];
      })
  );
}

describe("control characters in deal text", () => {
  it("NUL, ESC and NEL in a text field were written raw into the site's HTML instead of being an invalid-field error", async () => {
    const hostile = [
      'title: "Angebot \\e[31mrot"',
      'customer: "Stadtwerke\\0 Nord"',
      "meeting:",
      "  date: 2026-11-20",
      '  place: "Raum\\N 2"',
      "actions:",
      '  - task: "Plan\\x9b abstimmen"',
      "    owner: Anna Schulz",
      "internal:",
      '  notes: "intern\\x07"',
    ].join("\n");
    // A file name is no deal field, but reaches the index as text all the same.
    const cwd = await dealsDir({ "boese.yaml": `${hostile}\n`, "gut.yaml": deal(), "name\u001b[31m\u0085.yaml": deal() });
    made.push(cwd);
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    const broken = report.deals.find((d: { slug: string }) => d.slug === "boese");
    expect(broken.title).toBeNull();
    expect(
      broken.findings.map((f: { code: string; line: number; column: number; message: string; hint: string }) => [
        f.code,
        f.line,
        f.column,
        f.message,
      ]),
    ).toEqual([
      ["invalid-field", 1, 8, "`title` holds the control character U+001B ESC; it is invisible and belongs in no text."],
      ["invalid-field", 2, 11, "`customer` holds the control character U+0000 NUL; it is invisible and belongs in no text."],
      ["invalid-field", 5, 10, "`meeting.place` holds the control character U+0085 NEL; it is invisible and belongs in no text."],
      ["invalid-field", 7, 11, "`actions.0.task` holds the control character U+009B; it is invisible and belongs in no text."],
      [
        "invalid-field",
        10,
        10,
        "`internal.notes` holds the control character U+0007 BEL; it is invisible and belongs in no text.",
      ],
    ]);
    for (const f of broken.findings) expect(f.hint).toContain("Remove the character");
    for (const [file, text] of textFiles(path.join(cwd, "_site"))) expect(CONTROL.test(text), file).toBe(false);
    const index = readFileSync(path.join(cwd, "_site", "index.html"), "utf8");
    expect(index).toContain("deals/name&#92;u001b[31m&#92;u0085.yaml");
    // Tab and line breaks stay allowed where YAML has them.
    const fine = await dealsDir({ "ok.yaml": deal('summary: "Zeile\\teins\\r\\nzwei"') });
    made.push(fine);
    expect((await runCli(["check", "--today", "2026-11-23"], { cwd: fine })).code).toBe(0);
  });

  it("an ESC in the configuration's company name reached every PDF and page of the site", async () => {
    const cwd = await dealsDir({ "gut.yaml": deal() });
    made.push(cwd);
    await writeFile(path.join(cwd, "protokoll.config.yaml"), 'company:\n  name: "Muster\\e]0;owned\\a GmbH"\n');
    const result = await runCli(["check", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "protokoll.config.yaml:2:9 invalid-field  `company.name` holds the control character U+001B ESC; it is invisible and belongs in no text.",
    );
    expect(result.stderr).not.toMatch(CONTROL);
  });

  it("protokoll new wrote a deal with an ESC in its title, which check then refused", async () => {
    const cwd = await dealsDir({});
    made.push(cwd);
    for (const args of [["Titel\u001b[31m"], ["Titel", "--customer", "Kunde\u0085"]]) {
      const result = await runCli(["new", ...args, "--date", "2026-11-20"], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/(<title>|--customer) contains a control character/);
      expect(result.stderr).not.toMatch(CONTROL);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("a file with only CR line endings was reported as empty ('Die Datei ist leer')", async () => {
    const text = "# Protokoll vom Mac\rtitle: Liefervertrag\rcustomer: Stadtwerke\rmeeting:\r  date: 2026-11-20\r";
    const cwd = await dealsDir({ "mac.yaml": text });
    made.push(cwd);
    const result = await runCli(["check", "--format", "json", "--today", "2026-11-23", "--lang", "de"], { cwd });
    expect(result.code).toBe(1);
    const [finding, ...rest] = JSON.parse(result.stdout).deals[0].findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: "invalid-yaml",
      line: 1,
      column: 20,
      message: "Die Datei trennt ihre Zeilen nur mit CR (Zeilenenden des alten Mac OS); protokoll liest LF oder CRLF.",
    });
    expect(finding.message).not.toContain("leer");
    // A CRLF file with a stray CR inside a value is not such a file.
    const crlf = await dealsDir({ "win.yaml": deal().replace(/\n/g, "\r\n") });
    made.push(crlf);
    expect((await runCli(["check", "--today", "2026-11-23"], { cwd: crlf })).code).toBe(0);
  });
});

const HOSTILE_TITLE = "Rahmen $$\\sum_{i} x$$ GH-1 \u202eevil";
const HOSTILE_TASK = "Plan $x$ and $`y`$ JIRA-42 deadbeef12 \u2066abc";

/** What a Markdown source may not hold for GitHub to show the text as written. */
function expectInert(markdown: string): void {
  // GitHub's math finds `$` before escapes count: no `$` may be left as the character itself.
  expect(markdown).not.toContain("$");
  expect(markdown).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  const text = new MarkdownIt().render(markdown);
  // Rendered, the references are text GitHub's filters do not match (a joiner sits inside each).
  expect(text).not.toMatch(/\b(GH|JIRA)-\d/);
  expect(text).not.toMatch(/\bdeadbeef12\b/);
  // …and the words are all still there for the reader.
  const shown = text.replace(/\u200d/g, "").replace(/&#36;/g, "$");
  expect(shown).toContain("Rahmen $$\\sum_{i} x$$ GH-1 \\u202eevil");
  expect(shown).toContain("Plan $x$ and $`y`$ JIRA-42 deadbeef12 \\u2066abc");
}

describe("Markdown GitHub renders specially", () => {
  it("the diff and the weekly review let GitHub render $$…$$ math, GH-1 autolinks and bidi overrides out of deal text", async () => {
    const repo = await gitRepo();
    made.push(repo.dir);
    const body = (title: string, task: string) =>
      [
        `title: ${JSON.stringify(title)}`,
        "customer: Stadtwerke",
        "meeting:",
        "  date: 2026-11-16",
        "actions:",
        `  - task: ${JSON.stringify(task)}`,
        "    owner: Anna Schulz",
        "    due: 2026-11-18",
        "next_meeting:",
        "  date: 2026-11-30",
      ].join("\n");
    await repo.write("deals/x.yaml", `${body("Rahmen", "Plan")}\n`);
    repo.commit("base");
    await writeFile(path.join(repo.dir, "deals", "x.yaml"), `${body(HOSTILE_TITLE, HOSTILE_TASK)}\n`);
    repo.commit("hostile");

    const diff = await runCli(["diff", "HEAD~1", "HEAD"], { cwd: repo.dir });
    expect(diff.code, diff.stderr).toBe(0);
    expectInert(diff.stdout);

    const review = await runCli(["review", "--week", "2026-W47", "--today", "2026-11-23", "--format", "markdown"], {
      cwd: repo.dir,
    });
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toContain("Plan");
    expectInert(review.stdout);
  });
});
