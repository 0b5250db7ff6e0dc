// `protokoll diff` with the git facts of each side: a pull request that moves a due date for the third time
// introduces `due-pushed-often`; one that settles the action resolves it. Real git repositories.
import { describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const ENV = { PROTOKOLL_TODAY: "2026-11-02" };

const deal = (due: string, status = "open") =>
  [
    "title: Liefervertrag Strom",
    "customer: Stadtwerke Musterstadt GmbH",
    "meeting:",
    "  date: 2026-10-20",
    "participants:",
    "  - name: Anna Schulz",
    "actions:",
    "  - task: Vertrag entwerfen",
    "    owner: Anna Schulz",
    `    due: ${due}`,
    ...(status === "done" ? ["    status: done", "    done_on: 2026-11-02"] : []),
    "next_meeting:",
    "  date: 2026-12-01",
    "protocol_sent: 2026-10-21",
    "",
  ].join("\n");

async function movedTwiceOnMain() {
  const repo = await gitRepo();
  for (const due of ["2026-11-06", "2026-11-13", "2026-11-20"]) {
    await repo.write("deals/strom.yaml", deal(due));
    repo.commit(`due ${due}`);
  }
  repo.git("branch", "base");
  return repo;
}

const codes = (json: string, side: "introduced" | "resolved") =>
  (JSON.parse(json).deals as { findings: Record<string, { code: string }[]> }[]).flatMap((d) =>
    (d.findings[side] ?? []).map((f) => f.code),
  );

describe("diff with git facts", () => {
  it("a third postponement in the pull request introduces due-pushed-often", async () => {
    const repo = await movedTwiceOnMain();
    await repo.write("deals/strom.yaml", deal("2026-11-27"));
    repo.commit("once more");
    const result = await runCli(["diff", "base", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV });
    expect(result.code).toBe(0);
    expect(codes(result.stdout, "introduced")).toContain("due-pushed-often");
    const markdown = await runCli(["diff", "base", "HEAD"], { cwd: repo.dir, env: ENV });
    expect(markdown.stdout).toContain("`due-pushed-often`");
  });

  it("the same move still uncommitted (head: the working tree) is judged against HEAD's history", async () => {
    const repo = await movedTwiceOnMain();
    await repo.write("deals/strom.yaml", deal("2026-11-27"));
    repo.commit("once more");
    repo.git("reset", "-q", "--soft", "HEAD~1");
    const result = await runCli(["diff", "base", "--format", "json"], { cwd: repo.dir, env: ENV });
    // The working tree's move is not a commit yet: nothing counts it, so nothing is introduced.
    expect(codes(result.stdout, "introduced")).not.toContain("due-pushed-often");
  });

  it("settling the action resolves it", async () => {
    const repo = await movedTwiceOnMain();
    await repo.write("deals/strom.yaml", deal("2026-11-27"));
    repo.commit("once more");
    repo.git("branch", "-f", "base");
    await repo.write("deals/strom.yaml", deal("2026-11-27", "done"));
    repo.commit("done");
    const result = await runCli(["diff", "base", "HEAD", "--format", "json"], { cwd: repo.dir, env: ENV });
    expect(codes(result.stdout, "resolved")).toContain("due-pushed-often");
    expect(codes(result.stdout, "introduced")).not.toContain("due-pushed-often");
  });
});

describe("diff without a deals folder", () => {
  it("a wrong --deals is an error (exit 2) naming the folder, not an empty or all-removed diff", async () => {
    const repo = await movedTwiceOnMain();
    const result = await runCli(["diff", "base", "--deals", "dael"], { cwd: repo.dir, env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/dael/);
    expect(result.stdout).toBe("");
  });

  it("a working tree that deleted the whole folder lists every deal as removed", async () => {
    const repo = await movedTwiceOnMain();
    repo.git("rm", "-q", "-r", "deals");
    const result = await runCli(["diff", "base", "--format", "json"], { cwd: repo.dir, env: ENV });
    expect(result.code, result.stderr).toBe(0);
    const deals = JSON.parse(result.stdout).deals as { file: string; kind: string }[];
    expect(deals.map((d) => [d.file, d.kind])).toEqual([["deals/strom.yaml", "removed"]]);
  });
});
