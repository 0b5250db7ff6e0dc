// bench/generate-deals.js --help once wrote 100 deals into a folder named "--help".
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const script = path.join(ROOT, "bench", "generate-deals.js");
let cwd = "";

afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function run(args: string[]): { status: number; stdout: string; stderr: string } {
  cwd = tempDir("protokoll-gen-cli-");
  try {
    return { status: 0, stdout: execFileSync(process.execPath, [script, ...args], { cwd, encoding: "utf8" }), stderr: "" };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("bench/generate-deals.js on the command line", () => {
  it("prints its usage for --help and -h and writes nothing", () => {
    for (const flag of ["--help", "-h"]) {
      const result = run([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("Usage: node bench/generate-deals.js [folder] [count]");
      expect(readdirSync(cwd)).toEqual([]);
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("refuses an unknown option or a count that is not a number, and writes nothing", () => {
    for (const args of [
      ["--count", "5"],
      ["deals", "many"],
    ]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("Usage:");
      expect(readdirSync(cwd)).toEqual([]);
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("writes the given number of deals into the given folder", () => {
    expect(run(["out", "3"]).status).toBe(0);
    expect(readdirSync(path.join(cwd, "out"))).toEqual(["deal-00001.yaml", "deal-00002.yaml", "deal-00003.yaml"]);
  });
});
