// German first: every command speaks German by default in the example repository and English with --lang en,
// and neither leaks a word of the other language — beyond deal text, YAML keys in backticks and finding codes.
import { cpSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FINDING_CODES } from "../../src/errors.js";
import { gitRepo } from "../helpers/git-repo.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const ENGLISH = [
  "has no",
  "missing",
  "Did you mean",
  "Add ",
  "checked",
  "without",
  "warning",
  "error",
  "Usage",
  "Options",
  "Example",
  "Commands",
  "is not",
  "the ",
  " and ",
  "Wrote",
  "Next:",
  "Built",
  "printed",
  "Unknown",
];
const GERMAN = [
  "fehlt",
  "Verantwortlich",
  "Aufgabe",
  "keine ",
  "nicht",
  "geprüft",
  "Warnung",
  "Fehler",
  "ergänzen",
  "Meinten Sie",
  "Aufruf",
  "Optionen",
  "Beispiel",
  " und ",
  " der ",
  " die ",
  "Hinweis",
  "geschrieben",
  "gebaut",
  "Unbekannt",
];

/** Every text a deal file holds: it is the author's, in the deal's language, and may appear in any output. */
function dealTexts(dir: string): string[] {
  const texts = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      for (const line of value.split("\n")) if (line.trim()) texts.add(line.trim());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  for (const name of readdirSync(dir)) if (name.endsWith(".yaml")) walk(parse(readFileSync(path.join(dir, name), "utf8")));
  return [...texts].filter((t) => t.length >= 4).sort((a, b) => b.length - a.length);
}

const DEAL_TEXT = dealTexts(path.join(ROOT, "deals"));
const CODES = Object.keys(FINDING_CODES).sort((a, b) => b.length - a.length);

/** The output without what is not the tool's own words: deal text, `code`, paths, finding codes, JSON keys. */
function ownWords(output: string): string {
  let text = output;
  for (const t of DEAL_TEXT) text = text.split(t).join(" ");
  text = text
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\S+\.ya?ml\b/g, " ")
    .replace(/^::(warning|error) [^:]*::/gm, " ")
    .replace(
      /"(code|severity|message|hint|file|line|column|slug|title|status|findings|deals|summary|errors|warnings|today)":/g,
      " ",
    )
    .replace(/"(warning|error)"/g, " ");
  for (const code of CODES) text = text.split(code).join(" ");
  return text;
}

function expectOnly(language: "de" | "en", output: string, what: string): void {
  const words = ownWords(output);
  const foreign = (language === "de" ? ENGLISH : GERMAN).filter((w) => words.includes(w));
  expect(foreign, `${what} (${language}):\n${output}`).toEqual([]);
  expect(output.trim(), what).not.toBe("");
}

const TODAY = ["--today", "2026-11-23"];
const GERMAN_DEFAULT = { PROTOKOLL_LANG: undefined };
const runs = [
  { language: "de" as const, extra: [] as string[], env: GERMAN_DEFAULT },
  { language: "en" as const, extra: ["--lang", "en"], env: GERMAN_DEFAULT },
];

describe.each(runs)("in $language ($extra)", ({ language, extra, env }) => {
  it.each([
    ["check", ["check", ...TODAY]],
    ["check --format github", ["check", "--format", "github", ...TODAY]],
    ["check --format json", ["check", "--format", "json", ...TODAY]],
    ["a misspelt command", ["bild"]],
    ["a misspelt option", ["check", "--fromat", "json"]],
    ["an impossible date", ["check", "--today", "2026-13-01"]],
    ...["", "build", "check", "new", "diff", "serve", "init", "doctor"].map((c) => [
      `${c || "protokoll"} --help`,
      [c, "--help"].filter(Boolean),
    ]),
  ] as [string, string[]][])("%s", async (what, args) => {
    const result = await runCli([...args, ...extra], { env });
    expectOnly(language, result.stdout + result.stderr, what);
  });

  it("check --format json: every finding has a non-empty hint in the same language", async () => {
    const result = await runCli(["check", "--format", "json", ...TODAY, ...extra], { env });
    const findings = JSON.parse(result.stdout).deals.flatMap(
      (d: { findings: { message: string; hint: string }[] }) => d.findings,
    );
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.hint.trim(), f.message).not.toBe("");
  });

  it("build (findings grouped by deal) and report.json", async () => {
    const cwd = tempDir("protokoll-lang-");
    cpSync(path.join(ROOT, "deals"), path.join(cwd, "deals"), { recursive: true });
    const result = await runCli(["build", "--no-pdf", ...TODAY, ...extra], { cwd, env });
    expect(result.code).toBe(0);
    expectOnly(language, result.stderr, "build");
    expect(result.stderr).toMatch(/^deals\/messebau-erstgespraech-koehler\.yaml – /m);
    expectOnly(language, readFileSync(path.join(cwd, "_site", "report.json"), "utf8"), "report.json");
  });

  it("new", async () => {
    const cwd = tempDir("protokoll-lang-");
    const result = await runCli(["new", "Testdeal", "--date", "2026-11-20", ...extra], { cwd, env });
    expect(result.code).toBe(0);
    expectOnly(language, result.stderr, "new");
  });

  it("diff: the heading in the CLI's language, a deal's changes in the deal's own", async () => {
    const repo = await gitRepo();
    // The deal is written in the language under test, so all of the diff is in it.
    const source = language === "de" ? "messebau-erstgespraech-koehler.yaml" : "clinic-scheduling-pilot.yaml";
    const text = readFileSync(path.join(ROOT, "deals", source), "utf8");
    await repo.write(`deals/${source}`, text);
    repo.commit("first");
    await repo.write(`deals/${source}`, text.replace(/\n {4}owner: [^\n]*/, ""));
    const result = await runCli(["diff", "HEAD", ...extra], { cwd: repo.dir, env: { ...env, PROTOKOLL_TODAY: "2026-11-23" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(language === "de" ? "Arbeitskopie" : "working tree");
    expectOnly(language, result.stdout, "diff");
  });
});

describe("the language of the CLI", () => {
  it("comes from --lang, else PROTOKOLL_LANG, else the configured site language, else German", async () => {
    const summary = async (args: string[], env: Record<string, string | undefined>, cwd = ROOT) =>
      (await runCli(["check", ...TODAY, ...args], { env, cwd })).stdout.trim().split("\n").at(-1) ?? "";
    expect(await summary([], GERMAN_DEFAULT)).toMatch(/^8 Deals geprüft \(heute 23\.11\.2026\)/);
    expect(await summary([], { PROTOKOLL_LANG: "en" })).toMatch(/^8 deals checked \(today 23 Nov 2026\)/);
    expect(await summary(["--lang", "de"], { PROTOKOLL_LANG: "en" })).toMatch(/^8 Deals geprüft/);
    const cwd = tempDir("protokoll-lang-");
    cpSync(path.join(ROOT, "deals"), path.join(cwd, "deals"), { recursive: true });
    cpSync(path.join(ROOT, "schema"), path.join(cwd, "schema"), { recursive: true });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(cwd, "protokoll.config.yaml"), "site_language: en\n");
    expect(await summary([], GERMAN_DEFAULT, cwd)).toMatch(/^8 deals checked/);
    expect(await summary([], { PROTOKOLL_LANG: "de" }, cwd)).toMatch(/^8 Deals geprüft/);
  });

  it("refuses a language it does not speak, as a usage error", async () => {
    const result = await runCli(["check", "--lang", "fr"], { env: GERMAN_DEFAULT });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("protokoll: --lang muss de oder en sein, nicht „fr“.\n  Beispiel: `--lang en`\n");
  });

  it.each([
    [["bild"], "Unbekannter Befehl „bild“.\n  Meinten Sie `protokoll build`?"],
    [["check", "--fromat", "json"], "Unbekannte Option `--fromat` für `protokoll check`.\n  Meinten Sie `--format`?"],
    [["check", "--today", "2026-13-01"], "`--today` ist kein Kalenderdatum: einen Monat 13 gibt es nicht („2026-13-01“)."],
    [["check", "extra"], '`protokoll check` erwartet keine Argumente, bekam aber 1: "extra".'],
    [["new", "???"], "Aus dem Titel „???“ lässt sich kein Dateiname bilden: er enthält keine Buchstaben oder Ziffern."],
    [["check", "--format"], "Die Option `--format` braucht einen Wert, z. B. `--format json`."],
    [["check", "--strict=yes"], "Die Option `--strict` nimmt keinen Wert."],
  ])("says what is wrong with %j, with the fix, and exits 2", async (args, expected) => {
    const result = await runCli(args, { env: GERMAN_DEFAULT });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`protokoll: ${expected}`);
    expect(result.stderr).not.toMatch(/ERR_PARSE_ARGS|\(s\)|TypeError/);
  });
});
