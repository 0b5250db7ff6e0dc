// The package as a team installs it, step by step as the README says: `npm pack`, the tarball into the deals
// repository's vendor/, `npm install --save-exact ./vendor/protokoll-<version>.tgz` (no browser download; npm's
// registry for the dependencies), `protokoll init`, `build`, `check` and `serve` from there; then committed, and
// a fresh clone elsewhere runs `npm ci` with an empty npm cache and `npx protokoll build`.
// Regression: installed from a tarball, the build once wrote no page at all — Eleventy ignored the templates
// under node_modules/ — and still said "Built 2 deals", exit 0.
// Regression: the README installed `../protokoll-0.1.0.tgz`, outside the repository; package.json recorded
// `file:../…`, and every fresh clone's `npm ci` failed with ENOENT.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfinfo } from "../helpers/poppler.js";
import { ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

const exec = promisify(execFile);
const TODAY = "2026-11-23";
const EXAMPLE = "beispiel-rahmenvertrag";

/** The environment of a machine that cannot download a browser and has none configured. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "true", NO_COLOR: "1", PROTOKOLL_TODAY: TODAY };
  for (const key of Object.keys(env)) if (key.startsWith("PUPPETEER_") || key.startsWith("npm_")) delete env[key];
  delete env.PROTOKOLL_LANG;
  // Any attempt to download Chrome would go nowhere.
  env.PUPPETEER_DOWNLOAD_BASE_URL = "http://127.0.0.1:9/";
  return env;
}

let repo: string;
let bin: string;
let tarball: string;
let install: { stdout: string; stderr: string };

/** Runs the installed `protokoll` (node_modules/.bin/protokoll, what `npx protokoll` runs) in the deals repo. */
async function protokoll(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(bin, args, { cwd: repo, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  const work = tempDir("protokoll-installed-");
  // dist/ is compiled by the global setup: pack without running `prepare` again under other tests' feet.
  const packed = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], {
    cwd: ROOT,
    env: cleanEnv(),
  });
  const name = (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? "";
  expect(name).toBe(`protokoll-${VERSION}.tgz`);
  repo = path.join(work, "vertrieb-deals");
  // As the README says: `mkdir -p vendor && cp …/protokoll-<version>.tgz vendor/`, then install it from there.
  await mkdir(path.join(repo, "vendor"), { recursive: true });
  tarball = path.join(repo, "vendor", name);
  await copyFile(path.join(work, name), tarball);
  await exec("git", ["init", "--quiet"], { cwd: repo });
  install = await exec("npm", ["install", "--save-exact", `./vendor/${name}`], {
    cwd: repo,
    env: cleanEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  bin = path.join(repo, "node_modules", ".bin", "protokoll");
}, 240_000);

describe("installed from a tarball into a deals repository", () => {
  it("installs without downloading a browser, from the files the package ships", () => {
    expect(existsSync(tarball)).toBe(true);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/chrome|chromium|browser/i);
    const installed = path.join(repo, "node_modules", "protokoll");
    for (const file of [
      "dist/cli/main.js",
      "templates/index.njk",
      "schema/deal.schema.json",
      "scaffold/ci/github.yml",
      ".eleventy.js",
    ])
      expect(existsSync(path.join(installed, file)), file).toBe(true);
    expect(existsSync(path.join(repo, "node_modules", "puppeteer"))).toBe(false);
  });

  it("init keeps the dependency npm wrote, adds the rest and says what to commit: the tarball too", async () => {
    const pinned = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")).dependencies.protokoll;
    expect(pinned).toBe(`file:vendor/protokoll-${VERSION}.tgz`);
    const result = await protokoll("init");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("ergänzt:   package.json: scripts.build, scripts.check, scripts.serve, scripts.new");
    expect(result.stdout).toContain(
      `Committen: package.json, protokoll.config.yaml, deals/, .gitignore, .vscode/, README.md, .github/workflows/protokoll.yml, package-lock.json, vendor/protokoll-${VERSION}.tgz.`,
    );
    const pkg = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8"));
    expect(pkg.dependencies.protokoll).toBe(pinned);
    for (const file of [
      "protokoll.config.yaml",
      `deals/${EXAMPLE}.yaml`,
      ".gitignore",
      ".vscode/settings.json",
      "README.md",
      ".github/workflows/protokoll.yml",
    ])
      expect(existsSync(path.join(repo, file)), file).toBe(true);
    // The editor's schema mapping points at a file that exists in the installed package.
    const settings = JSON.parse(readFileSync(path.join(repo, ".vscode", "settings.json"), "utf8"));
    for (const schema of Object.keys(settings["yaml.schemas"])) expect(existsSync(path.join(repo, schema)), schema).toBe(true);
  });

  it("build writes the full site with PDFs (the system's Chromium, found without configuration) and report.json", async () => {
    // The deals repository's ignore files are its own business, not the package's templates'.
    await writeFile(path.join(repo, ".eleventyignore"), "node_modules/\n**/*.njk\n");
    const result = await protokoll("build");
    expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
    // German is the default outside the test helpers (no PROTOKOLL_LANG here).
    expect(result.stderr).toMatch(/1 Deal nach _site gebaut in .*PDFs: 1 gedruckt/);
    const site = path.join(repo, "_site");
    for (const file of [
      "index.html",
      `deals/${EXAMPLE}/index.html`,
      `deals/${EXAMPLE}/${EXAMPLE}.pdf`,
      `deals/${EXAMPLE}/${EXAMPLE}.ics`,
      `deals/${EXAMPLE}/${EXAMPLE}.eml`,
      "assets/site.css",
      "assets/sort.js",
      "calendar.ics",
      "robots.txt",
      "report.json",
      "owners/index.html",
      "lessons/index.html",
    ])
      expect(existsSync(path.join(site, file)), file).toBe(true);
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toContain("Rahmenvertrag Ersatzteile 2027");
    expect(readFileSync(path.join(site, "deals", EXAMPLE, "index.html"), "utf8")).toContain("Beispiel Maschinenbau GmbH");
    expect(readFileSync(path.join(site, "assets", "site.css"), "utf8").length).toBeGreaterThan(1000);
    expect(pdfinfo(path.join(site, "deals", EXAMPLE, `${EXAMPLE}.pdf`)).Pages).toBe("1");
    const report = JSON.parse(readFileSync(path.join(site, "report.json"), "utf8"));
    expect(report).toMatchObject({ today: TODAY, summary: { deals: 1, errors: 0 } });
    expect(report.deals.map((d: { slug: string }) => d.slug)).toEqual([EXAMPLE]);
    // One page per deal, whatever else is in the folder.
    expect(readdirSync(path.join(site, "deals"))).toEqual([EXAMPLE]);
  });

  it("doctor, run from the installed package, finds the system's Chromium and the bundled font", async () => {
    const result = await protokoll("doctor", "--lang", "en");
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Browser +\/usr\/bin\/chromium – Chromium \d+.*\(found on the system\)/);
    expect(result.stdout).toMatch(/Fonts +Source Sans 3 \d/);
    expect(result.stdout).toContain(path.join(repo, "node_modules", "protokoll"));
  });

  it("check passes on the scaffolded repository", async () => {
    const result = await protokoll("check");
    expect(result.code, result.stdout).toBe(0);
    const json = await protokoll("check", "--format", "json");
    expect(JSON.parse(json.stdout).deals[0].file).toBe(`deals/${EXAMPLE}.yaml`);
  });

  it("serve answers 200 on / with the index", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const child: ChildProcess = spawn(bin, ["serve", "--port", String(port)], { cwd: repo, env: cleanEnv() });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    try {
      let response: Response | undefined;
      for (let i = 0; i < 300 && !response; i++) {
        response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
        if (response && !(await response.clone().text()).includes("Rahmenvertrag Ersatzteile")) response = undefined;
        if (!response) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(response?.status, output).toBe(200);
      expect(await response?.text()).toContain("Rahmenvertrag Ersatzteile 2027");
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("close", resolve));
    }
  });
});

describe("a fresh clone of the committed deals repository", () => {
  it("runs `npm ci` with an empty npm cache and builds with `npx protokoll build`", async () => {
    const git = (cwd: string, ...args: string[]) =>
      exec("git", args, {
        cwd,
        env: {
          ...cleanEnv(),
          GIT_AUTHOR_NAME: "Anna",
          GIT_AUTHOR_EMAIL: "a@example.com",
          GIT_COMMITTER_NAME: "Anna",
          GIT_COMMITTER_EMAIL: "a@example.com",
        },
      });
    // As the README and init say: commit everything but what .gitignore keeps out.
    await git(repo, "add", "-A");
    await git(repo, "commit", "--quiet", "-m", "protokoll");
    const tracked = (await git(repo, "ls-files")).stdout.split("\n");
    expect(tracked).toContain(`vendor/protokoll-${VERSION}.tgz`);
    expect(tracked).toContain("package-lock.json");
    expect(tracked.some((file) => file.startsWith("_site/") || file.startsWith("node_modules/"))).toBe(false);

    const clone = path.join(path.dirname(repo), "clone");
    await git(path.dirname(repo), "clone", "--quiet", repo, clone);
    const env = { ...cleanEnv(), npm_config_cache: path.join(path.dirname(repo), "empty-npm-cache") };
    const ci = await exec("npm", ["ci"], { cwd: clone, env, maxBuffer: 64 * 1024 * 1024 });
    expect(`${ci.stdout}${ci.stderr}`).toMatch(/added \d+ packages/);
    const built = await exec("npx", ["protokoll", "build"], { cwd: clone, env, maxBuffer: 64 * 1024 * 1024 });
    expect(built.stderr).toMatch(/1 Deal nach _site gebaut in .*PDFs: 1 gedruckt/);
    expect(existsSync(path.join(clone, "_site", "deals", EXAMPLE, `${EXAMPLE}.pdf`))).toBe(true);
  }, 600_000);
});

afterAll(async () => {
  if (repo) await rm(path.dirname(repo), { recursive: true, force: true });
});
