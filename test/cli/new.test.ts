import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "jsonschema";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("protokoll new", () => {
  it("writes a deal that check accepts with only the nudges for owner, date and next appointment", async () => {
    const cwd = tempDir("protokoll-new-");
    const args = ["new", "Rahmenvertrag Müller & Söhne", "--customer", "Müller & Söhne GmbH", "--date", "2026-11-20"];
    const first = await runCli(args, { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("Wrote deals/2026-11-20-rahmenvertrag-mueller-soehne.yaml");
    expect(first.stderr).toMatch(/Next: .*protokoll check/);

    const text = readFileSync(path.join(cwd, "deals", "2026-11-20-rahmenvertrag-mueller-soehne.yaml"), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/deal\.schema\.json$/);
    expect(text).toContain('customer: "Müller & Söhne GmbH"');

    const check = await runCli(["check", "--format", "json", "--today", "2026-11-21"], { cwd });
    expect(check.code).toBe(0);
    const codes = JSON.parse(check.stdout).deals[0].findings.map((f: { code: string }) => f.code);
    expect(codes.sort()).toEqual(["missing-due", "missing-next-meeting", "missing-owner"]);

    // What the editor shows: an independent validator of the same schema finds nothing to complain about.
    const schema = JSON.parse(readFileSync(path.join(ROOT, "schema", "deal.schema.json"), "utf8"));
    expect(new Validator().validate(parse(text), schema).errors.map((e) => e.stack)).toEqual([]);
  });

  it("refuses to overwrite, with exit code 2", async () => {
    const cwd = tempDir("protokoll-new-");
    const args = ["new", "Zweimal", "--date", "2026-11-20"];
    expect((await runCli(args, { cwd })).code).toBe(0);
    const before = readFileSync(path.join(cwd, "deals", "2026-11-20-zweimal.yaml"), "utf8");
    const second = await runCli(args, { cwd });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already exists; protokoll new never overwrites/);
    expect(readFileSync(path.join(cwd, "deals", "2026-11-20-zweimal.yaml"), "utf8")).toBe(before);
  });

  it.each(["de", "en"])(
    "writes a %s template that stays valid when every commented line is uncommented, as it says",
    async (language) => {
      const cwd = tempDir("protokoll-new-");
      const made = await runCli(["new", "Vorlage", "--date", "2026-11-20", "--language", language], { cwd });
      expect(made.code).toBe(0);
      const file = path.join(cwd, "deals", "2026-11-20-vorlage.yaml");
      const text = readFileSync(file, "utf8");
      expect(text).toContain(`language: ${language}`);
      expect(text).toContain(language === "en" ? "Who does what by when" : "Wer macht was bis wann");
      expect(text).not.toMatch(/: \[\]\s*#/); // an empty list with entries to uncomment below it breaks
      // Every commented line below the header, uncommented: `# key:` → `key:`, `#   - x` → `  - x`.
      const lines = text.split("\n");
      const uncommented = lines.map((line, i) => (i < 3 ? line : line.replace(/^(\s*)# ?/, "$1")));
      expect(uncommented.join("\n")).not.toBe(text);
      writeFileSync(file, uncommented.join("\n"));
      const check = await runCli(["check", "--format", "json", "--today", "2026-11-21"], { cwd });
      expect(check.stderr).toBe("");
      const findings = JSON.parse(check.stdout).deals[0].findings as { code: string; severity: string }[];
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    },
  );

  it("writes the example dates of its template after the meeting date, not in the past", async () => {
    const cwd = tempDir("protokoll-new-");
    await runCli(["new", "Später", "--date", "2027-03-10"], { cwd });
    const text = readFileSync(path.join(cwd, "deals", "2027-03-10-spaeter.yaml"), "utf8");
    const dates = [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]);
    expect(dates.every((d) => d >= "2027-03-10")).toBe(true);
  });

  it.each([
    [["new", "X", "--date", "20.11.2026"], /`--date` must be a date YYYY-MM-DD/],
    [["new", "X", "--date", "2026-13-01"], /`--date` is not a date in the calendar: there is no month 13/],
    [["new"], /`protokoll new` takes 1 argument, not 0\./],
    [["new", "   "], /The title is empty/],
    [["new", "???"], /The title "\?\?\?" gives no file name/],
    [["new", "X", "--language", "fr"], /`--language` must be de or en, not "fr"/],
  ])("exits 2 on %j", async (args, message) => {
    const cwd = tempDir("protokoll-new-");
    const result = await runCli(args, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
