// Paths a pull request can commit: symlink loops, FIFOs, dot-files, an output folder that is a link. Each was
// found by a red-team pass; the test names say what broke.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

const TODAY = ["--today", "2026-11-23"];

interface Report {
  deals: { slug: string; file: string; findings: { code: string; message: string }[] }[];
}

const check = async (cwd: string, ...args: string[]) => {
  const result = await runCli(["check", "--format", "json", ...TODAY, ...args], { cwd });
  return { ...result, report: JSON.parse(result.stdout || "{}") as Report };
};

describe("deals folder entries that are not plain deal files", () => {
  it("symlink loops (ln -s . deals/s1 … s4) are reported once each instead of walked into thousands of deals", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal(), "sub/tief.yaml": deal() });
    for (const name of ["s1", "s2", "s3", "s4"]) await symlink(".", path.join(cwd, "deals", name));
    await symlink("..", path.join(cwd, "deals", "sub", "up"));
    const { code, report } = await check(cwd);
    expect(code).toBe(1);
    expect(report.deals.map((d) => d.file).sort()).toEqual([
      "deals/echt.yaml",
      "deals/s1",
      "deals/s2",
      "deals/s3",
      "deals/s4",
      "deals/sub/tief.yaml",
      "deals/sub/up",
    ]);
    for (const link of report.deals.filter((d) => !d.file.endsWith(".yaml"))) {
      expect(link.findings).toHaveLength(1);
      expect(link.findings[0]).toMatchObject({ code: "invalid-filename" });
      expect(link.findings[0]?.message).toMatch(/symbolic link to a folder/);
    }
  });

  it("a FIFO named like a deal is reported and never opened (opening it would block the build forever)", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal() });
    execFileSync("mkfifo", [path.join(cwd, "deals", "pipe.yaml")]);
    const { code, report } = await check(cwd);
    expect(code).toBe(1);
    const pipe = report.deals.find((d) => d.file === "deals/pipe.yaml");
    expect(pipe?.findings.map((f) => f.code)).toEqual(["invalid-filename"]);
    expect(pipe?.findings[0]?.message).toMatch(/not a regular file/);
  }, 20_000);

  it("a dot-file such as deals/..yaml is listed with the slug finding instead of being skipped without a word", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal(), "..yaml": deal(), ".entwurf.yml": deal(), ".gitkeep": "" });
    await mkdir(path.join(cwd, "deals", ".git"));
    await writeFile(path.join(cwd, "deals", ".git", "x.yaml"), deal());
    const { report } = await check(cwd);
    const codes = Object.fromEntries(report.deals.map((d) => [d.file, d.findings.map((f) => f.code)]));
    expect(Object.keys(codes).sort()).toEqual(["deals/..yaml", "deals/.entwurf.yml", "deals/echt.yaml"]);
    expect(codes["deals/..yaml"]).toContain("invalid-filename");
    expect(codes["deals/.entwurf.yml"]).toContain("invalid-filename");
  });

  it("--deals naming a file is a usage error (exit 2), not an internal error with an ENOTDIR stack", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal() });
    const result = await runCli(["check", "--deals", "deals/echt.yaml", ...TODAY], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/The deals folder "deals\/echt.yaml" is not a folder/);
    expect(result.stderr).not.toMatch(/internal error|ENOTDIR|\n\s+at /);
  });
});

describe("--out through a symlink", () => {
  it("a committed `_site -> .` is refused: nothing is written into the working folder and no user file is deleted", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal(), "sub/zweit.yaml": deal() });
    await writeFile(path.join(cwd, "deals", "sub", "draft.tmp"), "Entwurf");
    await symlink(".", path.join(cwd, "_site"));
    const result = await runCli(["build", "--no-pdf", "--out", "_site", ...TODAY], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/would hold or replace the deal files or the working folder/);
    expect(readFileSync(path.join(cwd, "deals", "sub", "draft.tmp"), "utf8")).toBe("Entwurf");
    expect(existsSync(path.join(cwd, "index.html"))).toBe(false);
    expect(existsSync(path.join(cwd, "deals", "echt"))).toBe(false);
  });

  it("an output below a link into the deals folder (`out -> deals`, --out out/site) is refused", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal() });
    await symlink("deals", path.join(cwd, "out"));
    const result = await runCli(["build", "--no-pdf", "--out", "out/site", ...TODAY], { cwd });
    expect(result.code).toBe(2);
    expect(existsSync(path.join(cwd, "deals", "site"))).toBe(false);
  });

  it("a link where the build writes (`_site/deals -> ../deals`) is refused", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal() });
    await mkdir(path.join(cwd, "_site"));
    await symlink("../deals", path.join(cwd, "_site", "deals"));
    const result = await runCli(["build", "--no-pdf", ...TODAY], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/contains a symbolic link where the build writes: deals/);
    expect(existsSync(path.join(cwd, "deals", "echt"))).toBe(false);
  });
});
