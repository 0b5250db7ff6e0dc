// `protokoll doctor` says which browser a build would use and how it was found; `browser:` in the
// configuration is honoured by doctor and build alike, and a named browser that is missing is reported as such.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

const NO_BROWSER_ENV = { PUPPETEER_EXECUTABLE_PATH: undefined, PROTOKOLL_LANG: undefined };

describe("protokoll doctor", () => {
  it("names Node, protokoll, the browser with its version and source, fonts and git (exit 0)", async () => {
    const cwd = await dealsDir({});
    const result = await runCli(["doctor", "--lang", "en"], {
      cwd,
      env: { ...NO_BROWSER_ENV, PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium" },
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^ {2}Node\.js +v\d+\.\d+\.\d+$/m);
    expect(result.stdout).toMatch(/^ {2}protokoll +\d+\.\d+\.\d+ \(/m);
    expect(result.stdout).toMatch(/^ {2}Browser +\/usr\/bin\/chromium – Chromium \d+.* \(from PUPPETEER_EXECUTABLE_PATH\)$/m);
    expect(result.stdout).toMatch(/^ {2}Fonts +Source Sans 3 \d/m);
    expect(result.stdout).toMatch(/^ {2}git +git version \d/m);
    expect(result.stdout).toContain("All there: `protokoll build` writes the site and the PDFs.");
  });

  it("speaks German by default", async () => {
    const cwd = await dealsDir({});
    const result = await runCli(["doctor"], { cwd, env: { ...NO_BROWSER_ENV, PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium" } });
    expect(result.stdout).toContain("protokoll doctor – was diese Maschine zum Bauen hat");
    expect(result.stdout).toMatch(/Schriften +Source Sans 3/);
  });

  it("reports a configured browser that does not exist, with the command that installs one (exit 2), as build does", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    await writeFile(path.join(cwd, "protokoll.config.yaml"), "browser: bin/chrome-fehlt\n");
    const doctor = await runCli(["doctor", "--lang", "en"], { cwd, env: NO_BROWSER_ENV });
    expect(doctor.code).toBe(2);
    const missing = path.join(cwd, "bin", "chrome-fehlt");
    expect(doctor.stdout).toContain(
      `Browser    not found – "${missing}" does not exist (from browser: in protokoll.config.yaml)`,
    );
    expect(doctor.stdout).toContain(
      "Fix: npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer",
    );
    const build = await runCli(["build", "--today", "2026-11-23", "--lang", "en"], { cwd, env: NO_BROWSER_ENV });
    expect(build.code).toBe(2);
    expect(build.stderr).toContain(`\`browser:\` in protokoll.config.yaml names "${missing}", which does not exist`);
  });

  it("uses the configured browser for the PDFs", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    await writeFile(path.join(cwd, "protokoll.config.yaml"), "browser: /usr/bin/chromium\n");
    const build = await runCli(["build", "--today", "2026-11-23", "--lang", "en"], { cwd, env: NO_BROWSER_ENV });
    expect(build.stderr).toMatch(/PDFs: 1 printed/);
  });
});
