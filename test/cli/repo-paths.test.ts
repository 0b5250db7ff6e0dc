// Paths in machine formats start at the repository root (all GitHub and GitLab resolve), whatever --deals was.
import { cpSync, mkdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const TODAY = ["--today", "2026-11-23"];
const DEAL = "messebau-erstgespraech-koehler.yaml";

async function repoWithDealsIn(sub: string): Promise<string> {
  const repo = await gitRepo();
  mkdirSync(path.join(repo.dir, sub), { recursive: true });
  cpSync(path.join(ROOT, "deals", DEAL), path.join(repo.dir, sub, DEAL));
  repo.commit("deals");
  return realpathSync(repo.dir);
}

describe("paths in check --format json|github|gitlab", () => {
  it.each([
    ["from the root", "", "sales/deals"],
    ["from the deals folder itself", "sales/deals", "."],
    ["from a sibling folder", "tools", "../sales/deals"],
    ["with an absolute --deals", "tools", "ABSOLUTE"],
  ])("%s", async (_, cwdInRepo, deals) => {
    const root = await repoWithDealsIn("sales/deals");
    const cwd = path.join(root, cwdInRepo);
    mkdirSync(cwd, { recursive: true });
    const dealsArg = deals === "ABSOLUTE" ? path.join(root, "sales", "deals") : deals;
    const expected = `sales/deals/${DEAL}`;

    const json = JSON.parse((await runCli(["check", "--format", "json", "--deals", dealsArg, ...TODAY], { cwd })).stdout);
    expect(json.deals[0].file).toBe(expected);
    expect(new Set(json.deals[0].findings.map((f: { file: string }) => f.file))).toEqual(new Set([expected]));

    const github = (await runCli(["check", "--format", "github", "--deals", dealsArg, ...TODAY], { cwd })).stdout;
    for (const line of github.trim().split("\n")) {
      expect(line).toMatch(
        new RegExp(`^::(warning|error) file=${expected.replace(/[.]/g, "\\.")},line=\\d+,col=\\d+,title=[a-z-]+::.+%0A.+$`),
      );
    }

    const gitlab = JSON.parse((await runCli(["check", "--format", "gitlab", "--deals", dealsArg, ...TODAY], { cwd })).stdout);
    expect(new Set(gitlab.map((i: { location: { path: string } }) => i.location.path))).toEqual(new Set([expected]));
  });
});
