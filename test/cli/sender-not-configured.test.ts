// Without `sender:` mail drafts silently came from sender-not-configured@protokoll.invalid (found when a review
// draft had no From at all): `build` and `doctor` now say so, with the key that fixes it.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});
const CHROMIUM = { PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium" };

describe("a sender that is not configured", () => {
  it("is said by build and doctor, and neither says it once sender: is set", async () => {
    const cwd = await dealsDir({ "a.yaml": deal(), "b.yaml": deal() });
    folders.push(cwd);
    const build = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(build.stdout + build.stderr).toContain(
      "No sender configured: the mail drafts of 2 deals come from sender-not-configured@protokoll.invalid, which no mail server accepts. Add `sender:` with name and email to protokoll.config.yaml (or `sender:` per deal).",
    );
    const doctor = await runCli(["doctor"], { cwd, env: CHROMIUM });
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(
      /^ {2}Sender +not configured – mail drafts and invitations would come from sender-not-configured@protokoll\.invalid\./m,
    );

    await writeFile(path.join(cwd, "protokoll.config.yaml"), "sender:\n  name: Anna Schulz\n  email: anna@wir.example\n");
    const again = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(again.stdout + again.stderr).not.toContain("No sender configured");
    const fixed = await runCli(["doctor"], { cwd, env: CHROMIUM });
    expect(fixed.stdout).toMatch(/^ {2}Sender +Anna Schulz <anna@wir\.example>$/m);
  });

  it("is not said by a client build, which writes no mail", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    folders.push(cwd);
    const build = await runCli(["build", "--no-pdf", "--audience", "client", "--today", "2026-11-23"], { cwd });
    expect(build.stdout + build.stderr).not.toContain("No sender configured");
  });
});
