// The contract's exit codes and outputs, checked by spawning the real binary.
import { existsSync, readFileSync } from "node:fs";
import { copyFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TODAY = ["--today", "2026-11-23"];

async function withExamplesPlus(extra: Record<string, string>): Promise<string> {
  const dir = await dealsDir(extra);
  for (const name of await readdir(path.join(ROOT, "deals"))) {
    await copyFile(path.join(ROOT, "deals", name), path.join(dir, "deals", name));
  }
  return dir;
}

const BROKEN = [
  "title: Fünf Probleme",
  "customer: Test GmbH",
  "customer: Doppelt GmbH",
  "meeting:",
  "  date: 2026-02-30",
  "  duration: dreißig",
  "participants:",
  "  - name: Anna Schulz",
  '    telefon: "+49 30 1"',
  'summary: "Ein Satz',
  "  ohne Ende",
  "",
].join("\n");

describe("protokoll check", () => {
  it("exits 0 on the example deals, which have warnings but no errors", async () => {
    const result = await runCli(["check", ...TODAY]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /8 deals checked \(today 23 Nov 2026\): ✖ 0 errors, ▲ \d+ critical, ◆ \d+ warnings, ○ \d+ notes?/,
    );
  });

  it("exits 1 with --strict when there are warnings", async () => {
    expect((await runCli(["check", "--strict", ...TODAY])).code).toBe(1);
  });

  it("gives a syntax error, a duplicate key, a wrong type, an unknown key and an impossible date one finding each, and exits 1", async () => {
    const cwd = await withExamplesPlus({ "kaputt.yaml": BROKEN });
    const result = await runCli(["check", "--format", "json", ...TODAY], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const broken = report.deals.find((d: { slug: string }) => d.slug === "kaputt");
    expect(broken.title).toBeNull();
    expect(broken.findings.map((f: { code: string; line: number; column: number }) => `${f.code}@${f.line}:${f.column}`)).toEqual(
      ["invalid-yaml@3:1", "invalid-field@5:9", "invalid-field@6:13", "invalid-field@9:5", "invalid-yaml@10:10"],
    );
    expect(report.deals.filter((d: { title: string | null }) => d.title !== null)).toHaveLength(8);
  });

  it("prints report.json's shape with --format json", async () => {
    const { stdout } = await runCli(["check", "--format", "json", ...TODAY]);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(["today", "deals", "summary"]);
    expect(report.today).toBe("2026-11-23");
    // v3 adds the source commit of a committed deal file (absent for a file git does not know yet).
    const { commit, ...fixed } = report.deals[0];
    expect(Object.keys(fixed)).toEqual(["slug", "file", "title", "status", "findings"]);
    if (commit !== undefined) expect(commit).toMatch(/^[0-9a-f]{40}$/);
    const first = report.deals.flatMap((d: { findings: unknown[] }) => d.findings)[0];
    expect(Object.keys(first)).toEqual(["code", "severity", "message", "hint", "file", "line", "column"]);
    expect(report.summary.deals).toBe(8);
  });

  it("prints one GitHub workflow command per finding with --format github, the hint after %0A", async () => {
    const json = JSON.parse((await runCli(["check", "--format", "json", ...TODAY])).stdout);
    const { stdout } = await runCli(["check", "--format", "github", ...TODAY]);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(json.summary.warnings + json.summary.errors);
    expect(lines).toContain(
      '::warning file=deals/messebau-erstgespraech-koehler.yaml,line=27,col=11,title=missing-owner::Action "Standfläche und Hallenplan vom Veranstalter anfordern" has no owner.%0AAdd `owner:` with the name of one person, e.g. `owner: Anna Schulz`.',
    );
  });

  it("prints text with file:line:col, the fix and a caret frame", async () => {
    const { stdout } = await runCli(["check", ...TODAY]);
    expect(stdout).toContain(
      [
        'deals/messebau-erstgespraech-koehler.yaml:27:11 missing-owner  Action "Standfläche und Hallenplan vom Veranstalter anfordern" has no owner.',
        "  Add `owner:` with the name of one person, e.g. `owner: Anna Schulz`.",
        "  27 |   - task: Standfläche und Hallenplan vom Veranstalter anfordern",
        "     |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
      ].join("\n"),
    );
  });

  it("takes today from PROTOKOLL_TODAY, and --today wins over it", async () => {
    const env = { PROTOKOLL_TODAY: "2026-11-19" };
    expect(JSON.parse((await runCli(["check", "--format", "json"], { env })).stdout).today).toBe("2026-11-19");
    expect(JSON.parse((await runCli(["check", "--format", "json", ...TODAY], { env })).stdout).today).toBe("2026-11-23");
  });

  it.each([
    [["check", "--today", "23.11.2026"], /`--today` must be a date YYYY-MM-DD/],
    [["check", "--format", "xml"], /Unknown format `--format xml`/],
    [["check", "--frobnicate"], /Unknown option `--frobnicate`/],
    [["check", "--deals", "does-not-exist"], /deals folder "does-not-exist" does not exist/],
    [["build", "--concurrency", "0"], /--concurrency must be a whole number/],
    [["launch"], /Unknown command "launch"/],
  ])("exits 2 on a usage error: %j", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each(["build", "check", "new", "diff", "serve"])("%s --help shows usage with an example", async (command) => {
    const result = await runCli([command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`Usage: protokoll ${command}`));
    expect(result.stdout).toMatch(/Example/);
  });
});

describe("protokoll build", () => {
  it("builds every valid deal, lists the broken one, writes report.json, and exits 1", async () => {
    const cwd = await withExamplesPlus({ "kaputt.yaml": BROKEN });
    const out = path.join(tempDir("protokoll-out-"), "site");
    const result = await runCli(["build", "--out", out, "--no-pdf", ...TODAY], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Built 8 deals .*1 broken/);
    for (const name of await readdir(path.join(ROOT, "deals"))) {
      expect(existsSync(path.join(out, "deals", name.replace(/\.yaml$/, ""), "index.html"))).toBe(true);
    }
    expect(existsSync(path.join(out, "deals", "kaputt"))).toBe(false);
    const index = readFileSync(path.join(out, "index.html"), "utf8");
    expect(index).toContain("deals/kaputt.yaml");
    expect(index).toContain('data-finding="invalid-yaml"');
    const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8"));
    expect(report.summary).toMatchObject({ deals: 9 });
    expect(report.deals.find((d: { slug: string }) => d.slug === "kaputt").findings).toHaveLength(5);
  });

  it("removes the pages of a deal deleted since the last build", async () => {
    const cwd = await dealsDir({ "bleibt.yaml": deal(), "geht.yaml": deal() });
    const out = path.join(cwd, "_site");
    expect((await runCli(["build", "--no-pdf", ...TODAY], { cwd })).code).toBe(0);
    expect(existsSync(path.join(out, "deals", "geht", "index.html"))).toBe(true);
    await writeFile(path.join(cwd, "deals", "geht.yaml"), "");
    await import("node:fs/promises").then((fs) => fs.rm(path.join(cwd, "deals", "geht.yaml")));
    expect((await runCli(["build", "--no-pdf", ...TODAY], { cwd })).code).toBe(0);
    expect(existsSync(path.join(out, "deals", "geht"))).toBe(false);
    expect(existsSync(path.join(out, "deals", "bleibt", "index.html"))).toBe(true);
  });
});
