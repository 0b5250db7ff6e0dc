// `protokoll init`: scaffolds a deals repository, never overwrites, changes nothing the second time, and merges
// into an existing package.json only what is missing — saying what it left alone.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const ENV = { PROTOKOLL_TODAY: "2026-11-23", PROTOKOLL_LANG: undefined };

function snapshot(dir: string): Record<string, { text: string; mtime: number }> {
  const out: Record<string, { text: string; mtime: number }> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out[path.relative(dir, full).split(path.sep).join("/")] = {
          text: readFileSync(full, "utf8"),
          mtime: statSync(full).mtimeMs,
        };
    }
  };
  walk(dir);
  return out;
}

describe("protokoll init", () => {
  it("scaffolds a deals repository whose example deal checks clean, with the GitHub workflow by default", async () => {
    const dir = path.join(tempDir("protokoll-init-"), "vertrieb");
    const result = await runCli(["init", dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(snapshot(dir)).sort()).toEqual([
      ".github/workflows/protokoll.yml",
      ".gitignore",
      ".vscode/extensions.json",
      ".vscode/settings.json",
      "README.md",
      "deals/beispiel-rahmenvertrag.yaml",
      "package.json",
      "protokoll.config.yaml",
    ]);
    expect(result.stdout).toContain("angelegt:  package.json");
    expect(result.stdout).toContain("Weiter: cd ");
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
    expect(pkg).toMatchObject({
      name: "vertrieb",
      private: true,
      scripts: { build: "protokoll build", check: "protokoll check", serve: "protokoll serve", new: "protokoll new" },
      dependencies: { protokoll: version },
    });
    expect(readFileSync(path.join(dir, ".gitignore"), "utf8")).toMatch(/^_site\/$/m);
    expect(readFileSync(path.join(dir, ".gitignore"), "utf8")).toMatch(/^node_modules\/$/m);
    // Editor and modeline resolve into the installed package, so the schema updates with the tool.
    const settings = JSON.parse(readFileSync(path.join(dir, ".vscode", "settings.json"), "utf8"));
    expect(Object.keys(settings["yaml.schemas"])).toEqual([
      "./node_modules/protokoll/schema/deal.schema.json",
      "./node_modules/protokoll/schema/config.schema.json",
    ]);
    const example = readFileSync(path.join(dir, "deals", "beispiel-rahmenvertrag.yaml"), "utf8");
    expect(example.split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/protokoll/schema/deal.schema.json");
    expect(example).toContain("date: 2026-11-23");
    const check = await runCli(["check", "--strict"], { cwd: dir, env: ENV });
    expect(check.code, check.stdout).toBe(0);
  });

  it("changes nothing the second time", async () => {
    const dir = tempDir("protokoll-init-");
    expect((await runCli(["init", "--ci", "gitlab"], { cwd: dir, env: ENV })).code).toBe(0);
    const before = snapshot(dir);
    expect(Object.keys(before)).toContain(".gitlab-ci.yml");
    const again = await runCli(["init", "--ci", "gitlab", "--lang", "en"], { cwd: dir, env: ENV });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to do: everything is there already, nothing was changed.");
    expect(snapshot(dir)).toEqual(before);
  });

  it("merges into an existing package.json only what is missing and says what it left alone", async () => {
    const dir = tempDir("protokoll-init-");
    const existing = {
      name: "unser-vertrieb",
      version: "1.0.0",
      scripts: { build: "make site", test: "echo ok" },
      dependencies: { leftpad: "1.0.0" },
    };
    await writeFile(path.join(dir, "package.json"), `${JSON.stringify(existing, null, 4)}\n`);
    await mkdir(path.join(dir, "deals"));
    await writeFile(path.join(dir, "deals", "echt.yaml"), "title: x\n");
    await writeFile(path.join(dir, "README.md"), "# Unser README\n");
    const result = await runCli(["init", "--ci", "none", "--lang", "en"], { cwd: dir, env: ENV });
    expect(result.code, result.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(pkg.name).toBe("unser-vertrieb");
    expect(pkg.version).toBe("1.0.0");
    expect(pkg.scripts).toEqual({
      build: "make site",
      test: "echo ok",
      check: "protokoll check",
      serve: "protokoll serve",
      new: "protokoll new",
    });
    expect(pkg.dependencies.leftpad).toBe("1.0.0");
    expect(pkg.dependencies.protokoll).toMatch(/^\d+\.\d+\.\d+/);
    expect(readFileSync(path.join(dir, "package.json"), "utf8")).toMatch(/^\{\n {4}"name"/); // its indentation kept
    expect(result.stdout).toMatch(
      /added: +package\.json: scripts\.check, scripts\.serve, scripts\.new, dependencies\.protokoll \([^)]+\); left alone: scripts\.build \("make site"\)/,
    );
    expect(result.stdout).toContain("left alone: README.md (exists already)");
    expect(result.stdout).toContain("left alone: deals/ (there are deals already, no example)");
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe("# Unser README\n");
    expect(readdirSync(path.join(dir, "deals"))).toEqual(["echt.yaml"]);
    expect(readdirSync(dir)).not.toContain(".github");

    // A protokoll already pinned differently stays as it is.
    const again = await runCli(["init", "--ci", "none", "--lang", "en"], { cwd: dir, env: ENV });
    expect(again.stdout).toContain('left alone: package.json: scripts.build ("make site")');
  });

  it("says what to commit, the vendored tarball too; a tarball outside the repository is named with how to move it in", async () => {
    const root = tempDir("protokoll-init-");
    const inside = path.join(root, "inside");
    await mkdir(inside);
    await writeFile(
      path.join(inside, "package.json"),
      JSON.stringify({ dependencies: { protokoll: "file:vendor/protokoll-0.1.0.tgz" } }),
    );
    const listed = await runCli(["init", inside, "--ci", "gitlab", "--lang", "en"], { env: ENV });
    expect(listed.stdout).toContain(
      "Commit: package.json, protokoll.config.yaml, deals/, .gitignore, .vscode/, README.md, .gitlab-ci.yml, package-lock.json, vendor/protokoll-0.1.0.tgz. Not: _site/, node_modules/, .protokoll-cache/.",
    );

    // Regression: npm records a tarball installed from beside the repository as `file:../…`; no clone has it.
    const outside = path.join(root, "outside");
    await mkdir(outside);
    await writeFile(
      path.join(outside, "package.json"),
      JSON.stringify({ dependencies: { protokoll: "file:../protokoll-0.1.0.tgz" } }),
    );
    const warned = await runCli(["init", outside, "--lang", "en"], { env: ENV });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain(
      "package.json installs protokoll from ../protokoll-0.1.0.tgz, outside this repository: a fresh clone (a colleague, CI) cannot find the file, and `npm ci` fails. Put the tarball into vendor/ and install it from there: `mkdir -p vendor && cp ../protokoll-0.1.0.tgz vendor/ && npm install --save-exact ./vendor/protokoll-0.1.0.tgz`, then commit vendor/protokoll-0.1.0.tgz.",
    );
    expect(warned.stdout).not.toMatch(/Commit: .*protokoll-0\.1\.0\.tgz/);
  });

  it("refuses a package.json it cannot read, and an unknown --ci, without writing anything (exit 2)", async () => {
    const dir = tempDir("protokoll-init-");
    await writeFile(path.join(dir, "package.json"), "{ not json");
    const broken = await runCli(["init", "--lang", "en"], { cwd: dir, env: ENV });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("package.json is not a valid JSON object; init does not change it.");
    expect(readFileSync(path.join(dir, "package.json"), "utf8")).toBe("{ not json");
    const ci = await runCli(["init", "--ci", "jenkins", "--lang", "en"], { cwd: dir, env: ENV });
    expect(ci.code).toBe(2);
    expect(ci.stderr).toContain('Unknown --ci "jenkins".');
  });
});
