// deadlines-missed from the git history: a deadline moved to a later day after it had passed is a miss, even
// when the file now shows only the new date; a move made in time is not. Real git, the spawned CLI.
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const dealWith = (...actions: string[]) =>
  [
    "title: Rahmenvertrag",
    "customer: Test GmbH",
    "meeting:",
    "  date: 2026-10-20",
    "participants:",
    "  - name: Anna Schulz",
    "next_meeting:",
    "  date: 2026-12-15",
    "actions:",
    ...actions,
    "",
  ].join("\n");
const A = (due: string) => `  - task: Zählerliste liefern\n    owner: Anna Schulz\n    due: ${due}`;
const B = "  - task: Preisblatt prüfen\n    owner: Jonas Keller\n    due: 2026-11-05";
const C = "  - task: Vertrag gegenlesen\n    owner: Jonas Keller\n    due: 2026-11-06\n    status: done\n    done_on: 2026-11-09";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function codesAt(today: string, versions: string[]): Promise<string[]> {
  const repo = await gitRepo(); // commits on 01.11., 02.11., 03.11., …
  dirs.push(repo.dir);
  for (const [i, text] of versions.entries()) {
    await repo.write("deals/rahmen.yaml", text);
    repo.commit(`version ${i + 1}`);
  }
  const { code, stdout, stderr } = await runCli(["check", "--format", "json", "--today", today], { cwd: repo.dir });
  expect(code, stderr).toBe(0);
  const report = JSON.parse(stdout) as { deals: { findings: { code: string; message: string }[] }[] };
  return (report.deals[0]?.findings ?? []).filter((f) => f.code === "deadlines-missed").map((f) => f.message);
}

describe("deadlines-missed with a re-dated deadline", () => {
  it("counts a due date moved after it had passed (01.11. → 30.11., committed 02.11.)", async () => {
    const messages = await codesAt("2026-11-23", [dealWith(A("2026-11-01"), B, C), dealWith(A("2026-11-30"), B, C)]);
    expect(messages).toEqual(["3 deadlines missed in 6 weeks (2 ours, 1 the client's)."]);
  });

  it("does not count a due date moved before it passed (03.11. → 30.11., committed 02.11.)", async () => {
    const messages = await codesAt("2026-11-23", [dealWith(A("2026-11-03"), B, C), dealWith(A("2026-11-30"), B, C)]);
    expect(messages).toEqual([]);
  });

  it("does not count the move once it is older than six weeks", async () => {
    const messages = await codesAt("2026-12-14", [dealWith(A("2026-11-01"), B, C), dealWith(A("2026-12-30"), B, C)]);
    expect(messages).toEqual([]);
  });
});
