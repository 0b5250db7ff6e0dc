// Regression: inputs came from outside the repository. A `deals` folder committed as a link to a folder elsewhere
// was walked, and `check` printed code frames of the `secrets.yaml` found there; a `protokoll.config.yaml` linked
// to `/proc/self/environ` or an `.npmrc` printed their start in the error; `company.logo: ../outside/secret.svg`
// embedded an outside file into the client PDF; a configuration linked to `/dev/zero` ended in "internal error"
// after 617 MB. The deals folder, the configuration and the logo now resolve inside the repository or are refused
// with a message that quotes nothing of the target; the configuration has a size cap and refuses what is not a
// regular file.
import { execFileSync } from "node:child_process";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TODAY = ["--today", "2026-11-23"];
const SECRET = "aws_secret_access_key: wJalrXUtnFEMI-K7MDENG-SECRETCANARY";
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** A repository with one deal, and a folder beside it (outside) holding secrets. */
async function setup() {
  const cwd = await dealsDir({ "anna.yaml": deal() });
  const outside = tempDir("protokoll-outside-");
  made.push(cwd, outside);
  await writeFile(path.join(outside, "secrets.yaml"), `${SECRET}\n: : broken\n`);
  await writeFile(path.join(outside, ".npmrc"), "//registry.npmjs.org/:_authToken=npm_SECRETCANARY\n");
  await writeFile(path.join(outside, "secret.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><text>SECRETCANARY</text></svg>');
  return { cwd, outside };
}

const said = (result: { stdout: string; stderr: string }) => result.stdout + result.stderr;

describe("the deals folder", () => {
  it("committed as a link to a folder outside the repository is not read, and nothing of it is shown", async () => {
    const { cwd, outside } = await setup();
    await rm(path.join(cwd, "deals"), { recursive: true });
    await symlink(outside, path.join(cwd, "deals"));
    for (const command of [["check"], ["check", "--format", "json"], ["build", "--no-pdf"]]) {
      const result = await runCli([...command, ...TODAY], { cwd });
      expect(result.code, command.join(" ")).toBe(2);
      expect(result.stderr).toContain("The deals folder deals is outside the repository");
      expect(said(result)).not.toContain("SECRETCANARY");
      expect(said(result)).not.toContain("secrets.yaml");
      expect(said(result)).not.toContain(outside);
    }
  });

  it("below a linked folder is refused too; a real folder outside the working folder, in its own repository, is read", async () => {
    const { cwd, outside } = await setup();
    await symlink(outside, path.join(cwd, "linked"));
    const refused = await runCli(["check", "--deals", "linked", ...TODAY], { cwd });
    expect(refused.code).toBe(2);
    expect(said(refused)).not.toContain("SECRETCANARY");
    // `--deals` naming another repository's real folder stays possible.
    const other = await dealsDir({ "bernd.yaml": deal() });
    made.push(other);
    execFileSync("git", ["init", "-q"], { cwd: other });
    const elsewhere = await runCli(["check", "--deals", path.join(other, "deals"), ...TODAY], { cwd });
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
  });
});

describe("the configuration", () => {
  it("linked to /proc/self/environ or an .npmrc outside is not read, and its start is not printed", async () => {
    const { cwd, outside } = await setup();
    for (const target of ["/proc/self/environ", path.join(outside, ".npmrc")]) {
      await rm(path.join(cwd, "protokoll.config.yaml"), { force: true });
      await symlink(target, path.join(cwd, "protokoll.config.yaml"));
      const result = await runCli(["check", ...TODAY], { cwd, env: { CANARY_VARIABLE: "ENVSECRETCANARY" } });
      expect(result.code, target).toBe(2);
      expect(result.stderr).toContain("protokoll.config.yaml was not read: it is a symbolic link pointing out of the repository");
      expect(said(result)).not.toContain("SECRETCANARY");
      expect(said(result)).not.toContain("_authToken");
      expect(said(result)).not.toContain("internal error");
    }
  });

  it("linked to /dev/zero, or a FIFO, is refused at once; a 12 MB one is refused by its size without being read", async () => {
    const { cwd } = await setup();
    const config = path.join(cwd, "protokoll.config.yaml");
    await symlink("/dev/zero", config);
    const zero = await runCli(["check", ...TODAY], { cwd });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("protokoll.config.yaml was not read");
    await rm(config);
    execFileSync("mkfifo", [config]);
    const fifo = await runCli(["check", ...TODAY], { cwd });
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toContain("it is not a regular file");
    await rm(config);
    // 12 MB of a valid list: as cheap to refuse as a deal file of that size.
    await writeFile(config, `vague_owners:\n${"  - wir\n".repeat(12 * 1024 * 128)}`);
    const started = performance.now();
    const big = await runCli(["check", ...TODAY], { cwd });
    expect(big.code).toBe(2);
    expect(big.stderr).toContain("it is larger than 256 KB");
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(said(big)).not.toContain("internal error");
  });

  it("caps its lists: 501 vague owners are an invalid field", async () => {
    const { cwd } = await setup();
    const words = Array.from({ length: 501 }, (_, i) => `  - wort${i}`).join("\n");
    await writeFile(path.join(cwd, "protokoll.config.yaml"), `vague_owners:\n${words}\n`);
    const result = await runCli(["check", ...TODAY], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("invalid-field");
  });
});

describe("the logo", () => {
  it("outside the repository (by `..` or by a link) is not embedded, and the build says why", async () => {
    const { cwd, outside } = await setup();
    const relative = path.relative(cwd, path.join(outside, "secret.svg"));
    await mkdir(path.join(cwd, "assets"));
    await symlink(path.join(outside, "secret.svg"), path.join(cwd, "assets", "logo.svg"));
    for (const logo of [relative, "assets/logo.svg"]) {
      await writeFile(path.join(cwd, "protokoll.config.yaml"), `company:\n  name: Nordlicht\n  logo: ${logo}\n`);
      const result = await runCli(["build", "--audience", "client", ...TODAY], { cwd });
      expect(result.code, logo).toBe(2);
      expect(result.stderr).toContain("is outside the repository");
      expect(said(result)).not.toContain("SECRETCANARY");
    }
  });
});
