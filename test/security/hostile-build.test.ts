// Regression: deal text and file names reached the start of log lines — a date value
// "2026-11-20\n::error file=README.md,line=1::FAKE\n::add-mask::Built\n::stop-commands::tok" (also through
// `email:`, an unknown key with a line break and a file name with one) became GitHub workflow commands in the
// output of `build` and `check`. A repository of hostile deals and hostile file names is checked and built, and
// every output is read back by what consumes it: the text logs line by line as the Actions runner does, the
// workflow commands by their escaping rules, JSON by a JSON parser, the diff summary by markdown-it, the HTML
// tag by tag, the mail drafts by mailparser and the calendars by ical.js.
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { withoutOwnSvg } from "../helpers/own-svg.js";
import { type CliResult, runCli } from "../helpers/run-cli.js";

const COMMANDS = "\n::error file=README.md,line=1::FAKE\n::add-mask::Built\n::stop-commands::tok";
const PAYLOAD = `2026-11-20${COMMANDS}`;
const ODD = "##[error]OLD-SYNTAX \u001b[2J\u001b]0;title\u0007 \u009b31m C1 \u202eRTL\u202c \u2028LS\u2029PS\r\nCRLF";
// A deal with C0 or C1 controls in its text is an `invalid-field` error (test/security/text-sinks.test.ts); the
// deal that builds carries everything else of ODD.
const ODD_TEXT = ODD.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "");
const q = (text: string) => JSON.stringify(text);
const ENV = { PROTOKOLL_TODAY: "2026-11-23" };

/** A deal that loads but is wrong in every field a message quotes. */
const BROKEN = [
  `title: ${q(`Kaputt ${ODD}`)}`,
  "customer: Test GmbH",
  "meeting:",
  `  date: ${q(PAYLOAD)}`,
  "participants:",
  `  - name: ${q(`Name${COMMANDS}`)}`,
  `    email: ${q(`a@b.example${COMMANDS}`)}`,
  `${q(`unbekannt${COMMANDS}`)}: 1`,
  `"##[warning]key": 2`,
  "",
].join("\n");

/** A deal that builds, with hostile text where the site, the PDF, the mail and the calendar show it. */
const VALID = [
  `title: ${q(`Titel${COMMANDS} ${ODD_TEXT}`)}`,
  `customer: ${q(`Kunde${COMMANDS}`)}`,
  "meeting:",
  "  date: 2026-11-20",
  "participants:",
  `  - name: ${q(`Anna${COMMANDS}\r\nBcc: evil@attacker.example`)}`,
  "    email: anna@kunde.example",
  `summary: ${q(`Summary${COMMANDS} ${ODD_TEXT}`)}`,
  "actions:",
  `  - task: ${q(`Aufgabe${COMMANDS} ${ODD_TEXT}`)}`,
  `    owner: ${q(`Owner${COMMANDS}`)}`,
  "    due: 2026-11-27",
  "next_meeting:",
  "  date: 2026-12-02",
  '  time: "10:00"',
  `  place: ${q(`Ort\r\nATTENDEE:mailto:evil@attacker.example\r\nEND:VEVENT${COMMANDS}`)}`,
  "internal:",
  `  notes: ${q(`Intern${COMMANDS}`)}`,
  "",
].join("\n");

const FILE_NAMES = [
  `x${COMMANDS}.yaml`,
  "::error file=README.md::NAME.yaml",
  "##[error]name.yaml",
  `0\n\n**No deal changes.** ✅\n\n<!--.yaml`,
];

let repo: Awaited<ReturnType<typeof gitRepo>>;
const runs: Record<string, CliResult> = {};

beforeAll(async () => {
  repo = await gitRepo();
  await repo.write("deals/basis.yaml", VALID.replace(/^title: .*$/m, "title: Basis"));
  repo.commit("base");
  await repo.write("deals/feindlich.yaml", VALID);
  await repo.write("deals/kaputt.yaml", BROKEN);
  for (const name of FILE_NAMES) await repo.write(`deals/${name}`, VALID);
  repo.commit("hostile");
  const cli = (...args: string[]) => runCli(args, { cwd: repo.dir, env: ENV });
  runs.check = await cli("check");
  runs.github = await cli("check", "--format", "github");
  runs.json = await cli("check", "--format", "json");
  runs.build = await cli("build", "--no-pdf");
  runs.diff = await cli("diff", "HEAD~1");
  runs.diffJson = await cli("diff", "HEAD~1", "--format", "json");
}, 120_000);

/** The Actions runner reads a command from a line that starts with `::` after spaces, or has `##[` anywhere. */
function commandLines(text: string): string[] {
  return text.split("\n").filter((line) => /^\s*::/.test(line) || line.includes("##["));
}

// No line break but \n, no ESC or other control character, no C1, no line separator, no direction override.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("text logs of check and build", () => {
  it.each(["check", "build", "diff"])("%s: no deal text starts a line or opens a workflow command", (name) => {
    const run = runs[name] as CliResult;
    for (const stream of [run.stdout, run.stderr]) {
      expect(commandLines(stream)).toEqual([]);
      expect(stream).not.toMatch(CONTROL);
    }
  });

  it("check and build still print the hostile text, escaped on its line", () => {
    const check = runs.check as CliResult;
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("2026-11-20\\n::error file=README.md,line=1::FAKE\\n::add-mask::Built\\n::stop-commands::tok");
    expect(check.stdout).toContain("a@b.example\\n::error");
    expect(check.stdout).toContain("unbekannt\\n::error");
    expect(check.stdout).toContain("deals/x\\n::error file=README.md,line=1::FAKE");
    expect(check.stdout).toContain("##\\[warning]key");
    expect(check.stdout).toContain("`title` holds the control character U+001B ESC");
    expect(check.stdout).toContain("\\u202eRTL");
    const build = runs.build as CliResult;
    expect(build.code).toBe(1);
    expect(build.stderr).toContain("deals/x\\n::error file=README.md,line=1::FAKE");
  });
});

describe("check --format github", () => {
  it("prints exactly one workflow command per finding, data and properties escaped by GitHub's rules", () => {
    const report = JSON.parse((runs.json as CliResult).stdout);
    const findings = report.deals.flatMap((d: { findings: unknown[] }) => d.findings);
    const lines = (runs.github as CliResult).stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(findings.length);
    for (const line of lines) {
      const match = /^::(error|warning) file=([^,:]*),line=(\d+),col=(\d+),title=([a-z-]+)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, , file = "", , , , data = ""] = match ?? [];
      // Properties: %, CR, LF, ':' and ',' escaped; data: %, CR, LF.
      expect(file).not.toMatch(/[\r\n:,]|%(?!25|0D|0A|3A|2C)/);
      expect(data).not.toMatch(/[\r\n]|%(?!25|0D|0A)/);
      expect(data).not.toContain("##[");
      expect(data).not.toMatch(CONTROL);
    }
    const decoded = lines.map((l) =>
      l.replace(/%0A/g, "\n").replace(/%0D/g, "\r").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%"),
    );
    expect(decoded.join("\n")).toContain(`deals/x${COMMANDS}.yaml`);
  });
});

describe("machine formats", () => {
  it.each(["json", "diffJson"])("%s parses and carries no old-syntax command marker", (name) => {
    const { stdout } = runs[name] as CliResult;
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stdout).not.toContain("##[");
    expect(commandLines(stdout)).toEqual([]);
    expect(JSON.stringify(JSON.parse(stdout))).toContain("##[");
  });
});

describe("the diff summary", () => {
  it("has one heading per deal and no HTML, link or forged verdict", () => {
    const tokens = new MarkdownIt({ html: true, linkify: true }).parse((runs.diff as CliResult).stdout, {});
    const all = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
    const report = JSON.parse((runs.diffJson as CliResult).stdout);
    expect(all.filter((t) => t.type === "heading_open")).toHaveLength(1 + report.deals.length);
    expect(all.filter((t) => ["html_block", "html_inline", "link_open", "image", "strong_open"].includes(t.type))).toEqual([]);
  });
});

describe("the site", () => {
  it("lists every hostile file name as text, and no page has a tag that is not ours", async () => {
    const out = path.join(repo.dir, "_site");
    const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html"));
    const index = readFileSync(path.join(out, "index.html"), "utf8");
    expect(index).toContain("deals/x\n::error file=README.md,line=1::FAKE");
    expect(index).toContain("&lt;!--.yaml");
    for (const file of files) {
      const html = readFileSync(path.join(out, file), "utf8");
      // The only SVGs are our own (the trend chart, the repository has commits; the internal padlock), with exactly our attributes.
      const ours = withoutOwnSvg(html);
      expect(ours, file).not.toMatch(/<(img|script|iframe|svg)\b(?![^>]*(assets\/|src="data:image))/i);
      expect(html.match(/<!--/g) ?? [], file).toEqual([]);
    }
  });
});

describe("mail drafts and calendars", () => {
  it("the .eml keeps its headers: no Bcc, no second recipient, a subject on one line", async () => {
    const mail = await simpleParser(readFileSync(path.join(repo.dir, "_site", "deals", "feindlich", "feindlich.eml")));
    expect(mail.headers.has("bcc")).toBe(false);
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    expect(to.flatMap((a) => a.value.map((v) => v.address))).toEqual(["anna@kunde.example"]);
    expect(mail.subject ?? "").not.toMatch(/[\r\n]/);
    expect(mail.text ?? "").not.toContain("Intern");
    for (const [name, value] of mail.headers) expect(`${name}: ${String(value)}`, name).not.toMatch(/[\r\n]/);
  });

  it("the .ics has one event per item and no property the deal text made up", () => {
    const text = readFileSync(path.join(repo.dir, "_site", "deals", "feindlich", "feindlich.ics"), "utf8");
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(2); // the next meeting and one deadline
    for (const event of events) {
      expect(event.getAllProperties("attendee")).toEqual([]);
      for (const property of event.getAllProperties()) {
        // Direction marks are text in a calendar, as on the site; control characters and line separators are not.
        expect(String(property.getFirstValue()), property.name).not.toMatch(
          /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/,
        );
      }
    }
    expect(events[0]?.getFirstPropertyValue("location")).toContain("ATTENDEE:mailto:evil@attacker.example");
    // The only ORGANIZER lines are ours (RFC 5546 wants one per published event); the deal text adds none.
    const lines = text.split("\r\n");
    const organizers = lines.filter((line) => /^ORGANIZER[:;]/.test(line));
    expect(organizers).toHaveLength(events.length);
    for (const line of organizers) expect(line).toBe(organizers[0]);
    expect(organizers[0]).not.toContain("attacker");
    for (const line of lines) expect(line).not.toMatch(/^ATTENDEE[:;]|^END:VEVENT./);
  });
});
