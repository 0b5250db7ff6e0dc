// The pull-request diff names the follow-up findings a change brings: a contact log whose last answer is older
// than the cascade's first step makes `follow-up-due` new; recording the client's answer resolves it again.
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const ENV = { PROTOKOLL_TODAY: "2026-12-07" };
const lead = (...contacts: string[]) =>
  [
    "title: Wärmepumpen für drei Filialen",
    "customer: Hansen Bäckereien GmbH",
    "meeting:",
    "  date: 2026-11-02",
    "participants:",
    "  - name: Jens Hansen",
    "protocol_sent: 2026-11-03",
    "next_meeting:",
    "  date: 2026-12-20",
    ...(contacts.length ? ["contacts:", ...contacts] : []),
    "",
  ].join("\n");

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("diff with follow-up findings", () => {
  it("lists follow-up-due as new when the next meeting is called off, and as resolved when the client answers", async () => {
    const repo = await gitRepo();
    dirs.push(repo.dir);
    await repo.write("deals/hansen.yaml", lead());
    repo.commit("met on 02.11.");
    // The appointment is off; we chased on 16.11., no answer since.
    const silent = lead("  - date: 2026-11-16", "    channel: mail", "    direction: out", "    with: Jens Hansen").replace(
      "next_meeting:\n  date: 2026-12-20\n",
      "",
    );
    await repo.write("deals/hansen.yaml", silent);
    repo.commit("chased, no answer");
    const added = await runCli(["diff", "HEAD~1", "HEAD", "--lang", "de"], { cwd: repo.dir, env: ENV });
    expect(added.code, added.stderr).toBe(0);
    const introduced = added.stdout.slice(added.stdout.indexOf("Neue Hinweise"));
    // Markdown-escaped for the job summary: "16\.11\.2026", "\(seit 21 Tagen\)".
    expect(introduced).toMatch(/Nachfassen fällig \(`follow-up-due`, `deals\/hansen\.yaml:9`\).*„Eine Frage“ ist fällig/);

    await repo.write("deals/hansen.yaml", `${silent.trimEnd()}\n  - date: 2026-12-04\n    channel: call\n    direction: in\n`);
    const answered = await runCli(["diff", "HEAD", "--lang", "de"], { cwd: repo.dir, env: ENV });
    expect(answered.code, answered.stderr).toBe(0);
    expect(answered.stdout).toMatch(/✔ .*Nachfassen fällig \(`follow-up-due`/);
  });
});
