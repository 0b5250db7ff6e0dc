// A team-only action (`actions[].internal: true`) stays with the team: a canary in its task never reaches the
// recap mail, the deal's own .ics or its invitation; the owner's feed and the team's calendar still hold it.
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const CANARY = "KANARIE-7f3a";
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe("an internal action", () => {
  it("is in no mail draft and no client-facing calendar, but in the owner's feed", async () => {
    const repo = await gitRepo();
    folders.push(repo.dir);
    await repo.write("protokoll.config.yaml", "sender:\n  name: Anna Schulz\n  email: a.schulz@nordlicht.example\n");
    await repo.write(
      "deals/beta.yaml",
      [
        "title: Liefervertrag",
        "customer: Beta AG",
        "meeting:",
        "  date: 2026-11-20",
        "protocol_sent: 2026-11-21",
        "participants:",
        "  - name: Dr. Martin Hoffmann",
        "    company: Beta AG",
        "    email: m.hoffmann@beta.example",
        "  - name: Anna Schulz",
        "    email: a.schulz@nordlicht.example",
        "    side: ours",
        "actions:",
        "  - task: Angebot schicken",
        "    owner: Anna Schulz",
        "    due: 2026-12-04",
        `  - task: Preisfreigabe holen ${CANARY}`,
        "    owner: Anna Schulz",
        "    due: 2026-12-02",
        "    internal: true",
        "next_meeting:",
        "  date: 2026-12-10",
        '  time: "10:00"',
        "",
      ].join("\n"),
    );
    repo.commit("beta");
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    const site = path.join(repo.dir, "_site");
    const dir = path.join(site, "deals", "beta");
    const files = readdirSync(dir).filter((f) => /\.(eml|ics)$/.test(f));
    expect(files.sort()).toEqual(["beta-invite.ics", "beta.eml", "beta.ics"]);
    for (const file of files) {
      const raw = readFileSync(path.join(dir, file));
      // Quoted-printable must not hide it either: soft line breaks undone. (The attached invitation is base64, and is the file beside it.)
      const decoded = raw.toString("latin1").replace(/=\r\n/g, "");
      expect(decoded, file).not.toContain(CANARY);
    }
    expect(readFileSync(path.join(dir, "beta.ics"), "utf8")).toContain("Angebot schicken");
    const owner = readdirSync(path.join(site, "owners")).find((f) => !f.endsWith(".html")) as string;
    expect(readFileSync(path.join(site, "owners", owner, "calendar.ics"), "utf8")).toContain(CANARY);
  });
});
