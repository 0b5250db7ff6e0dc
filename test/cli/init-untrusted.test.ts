// `protokoll init` in a folder a colleague or a cloned repository prepared: links to other projects, a
// package.json npm itself would reject, a Windows package.json, a folder init may not write to. Each test is
// named after what broke.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/run-cli.js";

const ENV = { PROTOKOLL_TODAY: "2026-11-23" };
const made: string[] = [];

async function tempDir(base = tmpdir()): Promise<string> {
  const dir = await mkdtemp(path.join(base, "protokoll-init-untrusted-"));
  made.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of made) {
    await chmod(path.join(dir, "ro"), 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

/** Every file below `dir` (links not followed) with its bytes, for "nothing changed" comparisons. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = readFileSync(full, "latin1");
  }
  return out;
}

describe("init never writes through a link", () => {
  it("init rewrote another project's package.json and created files outside through linked package.json, .vscode, .github and deals", async () => {
    const root = await tempDir();
    const other = path.join(root, "other-project");
    for (const folder of ["vscode", "github", "deals"]) await mkdir(path.join(other, folder), { recursive: true });
    await writeFile(path.join(other, "package.json"), '{\n  "name": "other",\n  "scripts": { "test": "jest" }\n}\n');
    const before = contents(other);
    const dir = path.join(root, "vertrieb");
    await mkdir(dir);
    await symlink(path.join(other, "package.json"), path.join(dir, "package.json"));
    await symlink(path.join(other, "vscode"), path.join(dir, ".vscode"));
    await symlink(path.join(other, "github"), path.join(dir, ".github"));
    await symlink(path.join(other, "deals"), path.join(dir, "deals"));
    // A dangling link where a file would go: creating the file would create it wherever the link points.
    await symlink(path.join(other, "created-by-init.yaml"), path.join(dir, "protokoll.config.yaml"));

    const result = await runCli(["init", dir, "--lang", "en"], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(contents(other)).toEqual(before);
    expect(readdirSync(other).sort()).toEqual(["deals", "github", "package.json", "vscode"]);
    for (const line of [
      "left alone: package.json (package.json is a symbolic link; init does not write through it)",
      "left alone: .vscode/settings.json (.vscode is a symbolic link; init does not write through it)",
      "left alone: .vscode/extensions.json (.vscode is a symbolic link; init does not write through it)",
      "left alone: .github/workflows/protokoll.yml (.github is a symbolic link; init does not write through it)",
      "left alone: deals/ (deals is a symbolic link; init does not write through it)",
      "left alone: protokoll.config.yaml (protokoll.config.yaml is a symbolic link; init does not write through it)",
    ])
      expect(result.stdout).toContain(line);
    // What is not behind a link is written as usual.
    expect(result.stdout).toContain("created:   README.md");
    expect(result.stdout).toContain("created:   .gitignore");
  });
});

describe("init never writes through a link deeper down either", () => {
  it("init created .github/workflows/protokoll.yml in another project through a linked .github/workflows", async () => {
    const root = await tempDir();
    const elsewhere = path.join(root, "elsewhere");
    await mkdir(elsewhere);
    const dir = path.join(root, "vertrieb");
    await mkdir(path.join(dir, ".github"), { recursive: true });
    await symlink(elsewhere, path.join(dir, ".github", "workflows"));
    const result = await runCli(["init", dir, "--lang", "en"], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(result.stdout).toContain(
      "left alone: .github/workflows/protokoll.yml (.github/workflows is a symbolic link; init does not write through it)",
    );
  });
});

describe("init refuses a package.json npm would not accept, and leaves it byte for byte", () => {
  const cases: [string, string, string][] = [
    [
      "scripts a string",
      '{"name":"x","scripts":"echo hi"}\n',
      "package.json: `scripts` must be an object of names and strings but is a string",
    ],
    ["scripts a list", '{"scripts":["build"]}', "package.json: `scripts` must be an object of names and strings but is a list"],
    ["a script a number", '{"scripts":{"build":5}}', "package.json: `scripts.build` must be a string but is a number"],
    [
      "dependencies a string",
      '{"dependencies":"leftpad"}',
      "package.json: `dependencies` must be an object of names and strings but is a string",
    ],
    [
      "devDependencies null",
      '{"devDependencies":null}',
      "package.json: `devDependencies` must be an object of names and strings but is null",
    ],
    ["not JSON", "{ not json", "package.json is not a valid JSON object; init does not change it."],
  ];
  it.each(cases)('init mangled a package.json with %s into {"0":"e","1":"c",…}', async (_name, text, message) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "package.json"), text);
    const result = await runCli(["init", "--lang", "en"], { cwd: dir, env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain("internal");
    expect(readFileSync(path.join(dir, "package.json"), "utf8")).toBe(text);
    expect(readdirSync(dir)).toEqual(["package.json"]);
  });

  it("says it in German too", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "package.json"), '{"scripts":"echo"}');
    const result = await runCli(["init", "--lang", "de"], { cwd: dir, env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "package.json: `scripts` muss ein Objekt aus Namen und Zeichenketten sein, ist aber eine Zeichenkette; init ändert die Datei nicht.",
    );
    expect(result.stderr).toContain("`scripts` in package.json korrigieren");
  });
});

describe("init keeps the layout of a package.json it adds to", () => {
  it("init rewrote a CRLF package.json to LF (and kept neither its tabs nor its byte order mark)", async () => {
    const dir = await tempDir();
    const text = '\uFEFF{\r\n\t"name": "vertrieb",\r\n\t"scripts": {\r\n\t\t"test": "echo ok"\r\n\t}\r\n}\r\n';
    await writeFile(path.join(dir, "package.json"), text);
    const result = await runCli(["init", "--ci", "none", "--lang", "en"], { cwd: dir, env: ENV });
    expect(result.code, result.stderr).toBe(0);
    const after = readFileSync(path.join(dir, "package.json"), "utf8");
    expect(after.startsWith('\uFEFF{\r\n\t"name": "vertrieb",\r\n\t"scripts": {\r\n\t\t"test": "echo ok",\r\n\t\t"build"')).toBe(
      true,
    );
    expect(after.endsWith("}\r\n")).toBe(true);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    expect(JSON.parse(after.slice(1)).dependencies.protokoll).toMatch(/^\d+\.\d+\.\d+/);
  });
});

/** The CLI as a user who may not write to `cwd`: as root (a container, CI) the test drops to `nobody`. */
function runAsOtherUser(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const root = process.getuid?.() === 0;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, PROTOKOLL_TODAY: "2026-11-23", NO_COLOR: "1" },
      ...(root ? { uid: 65534, gid: 65534 } : {}),
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("init in a folder it may not write to", () => {
  it("init in a read-only folder ended in 'interner Fehler' instead of saying what build says", async () => {
    // As root the test runs init as `nobody`, who must reach the folder: the run's own temp folder is private.
    const dir = await tempDir(process.getuid?.() === 0 ? "/tmp" : tmpdir());
    await chmod(dir, 0o755);
    const readOnly = path.join(dir, "ro");
    await mkdir(readOnly);
    await chmod(readOnly, 0o555);
    const result = await runAsOtherUser(["init", "ro"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("interner Fehler");
    expect(result.stderr).toContain(`In ${readOnly} lässt sich nicht schreiben: keine Berechtigung.`);
    expect(result.stderr).toContain("Einen Ordner wählen, in dem Sie schreiben dürfen");
    expect(readdirSync(readOnly)).toEqual([]);
  });
});
