// Untrusted deal files and a build that can be interrupted, crash or race: clear findings, nothing lost,
// nothing outside the output folder, no browser left behind.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { stateDirOf } from "../helpers/cache.js";
import { pdfinfo } from "../helpers/poppler.js";
import { BIN, CLI_CACHE_DIR, ROOT, runCli } from "../helpers/run-cli.js";

const TODAY = ["--today", "2026-11-23"];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

describe("files and paths", () => {
  it("refuses file names that are not slugs: spaces, uppercase, umlauts in NFC and NFD, dots", async () => {
    const names = ["Angebot Müller.yaml", "GROSS.yaml", "m\u00fcller.yaml", "mu\u0308ller.yaml", "..hidden-x.yaml", "con.yaml"];
    const cwd = await dealsDir(Object.fromEntries(names.map((n) => [n, deal()])));
    const { stdout } = await runCli(["check", "--format", "json", ...TODAY], { cwd });
    const bySlug = new Map(
      JSON.parse(stdout).deals.map((d: { file: string; findings: { code: string }[] }) => [
        d.file,
        d.findings.map((f) => f.code),
      ]),
    );
    // Dot files named like deals are listed too (they were once skipped without a word): they fail the slug rule.
    for (const name of names.filter((n) => n !== "con.yaml")) {
      expect(bySlug.get(`deals/${name}`), name).toEqual(["invalid-filename"]);
    }
    expect(bySlug.get("deals/con.yaml")).toEqual(expect.not.arrayContaining(["invalid-filename"])); // a fine slug on every OS we write to
  });

  it("does not follow a symlink out of the deals folder", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal() });
    await writeFile(path.join(cwd, "geheim.yaml"), deal("summary: GEHEIMER-INHALT"));
    await symlink(path.join(cwd, "geheim.yaml"), path.join(cwd, "deals", "link.yaml"));
    const result = await runCli(["build", "--no-pdf", ...TODAY], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    const link = report.deals.find((d: { slug: string }) => d.slug === "link");
    expect(link.findings[0]).toMatchObject({
      code: "invalid-filename",
      message: "The file was not read: it is a symbolic link that points outside the deals folder.",
    });
    for (const file of walk(path.join(cwd, "_site")))
      expect(readFileSync(file).toString("latin1")).not.toContain("GEHEIMER-INHALT");
  });

  it("never deletes files it did not write, and refuses an output folder that holds the deals", async () => {
    const cwd = await dealsDir({ "a.yaml": deal(), "b.yaml": deal() });
    const own = {
      "public/about.html": "<!doctype html><title>Über uns</title>",
      "public/deals/2026/notes.txt": "Notizen",
      "public/deals/archiv/index.html": "<!doctype html><title>Archiv</title>",
      "public/findings/handmade/index.html": "<p>von Hand</p>",
    };
    for (const [file, text] of Object.entries(own)) {
      await mkdir(path.dirname(path.join(cwd, file)), { recursive: true });
      await writeFile(path.join(cwd, file), text);
    }
    expect((await runCli(["build", "--no-pdf", "--out", "public", ...TODAY], { cwd })).code).toBe(0);
    await rm(path.join(cwd, "deals", "b.yaml"));
    expect((await runCli(["build", "--no-pdf", "--out", "public", ...TODAY], { cwd })).code).toBe(0);
    for (const file of Object.keys(own)) expect(existsSync(path.join(cwd, file)), file).toBe(true);
    expect(existsSync(path.join(cwd, "public", "deals", "b"))).toBe(false);
    expect(existsSync(path.join(cwd, "public", "deals", "a", "index.html"))).toBe(true);

    for (const out of [".", "deals", ".."]) {
      const refused = await runCli(["build", "--no-pdf", "--out", out, ...TODAY], { cwd });
      expect(refused.code, out).toBe(2);
      expect(refused.stderr).toMatch(/would hold or replace the deal files[\s\S]*--out _site/);
    }
    expect(existsSync(path.join(cwd, "deals", "a.yaml"))).toBe(true);
  });

  it("says clearly when the output folder cannot be written", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    await writeFile(path.join(cwd, "blocked"), "a file, not a folder");
    const result = await runCli(["build", "--no-pdf", "--out", "blocked/site", ...TODAY], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /Cannot write to .*blocked\/site: a file is in the way\.\n {2}Choose another folder with `--out`/,
    );
  });

  it("refuses a second build into the same folder while one runs, and takes over a stale lock", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    const lock = path.join(stateDirOf(cwd), "build.lock");
    await mkdir(path.dirname(lock), { recursive: true });
    await writeFile(lock, String(process.pid));
    const busy = await runCli(["build", "--no-pdf", ...TODAY], { cwd });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`Another build (process ${process.pid}) is writing to`);
    await writeFile(lock, "2147483646");
    const stale = await runCli(["build", "--no-pdf", ...TODAY], { cwd });
    expect(stale.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});

describe("processes", () => {
  it("reports a PDF that takes too long and builds everything else", async () => {
    const cwd = await dealsDir({ "a.yaml": deal(), "b.yaml": deal() });
    const result = await runCli(["build", ...TODAY], { cwd, env: { PROTOKOLL_PDF_TIMEOUT_MS: "1" } });
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    for (const d of report.deals) expect(d.findings.map((f: { code: string }) => f.code)).toContain("pdf-failed");
    expect(report.deals[0].findings.find((f: { code: string }) => f.code === "pdf-failed").message).toMatch(/took longer than/);
    expect(existsSync(path.join(cwd, "_site", "deals", "a", "index.html"))).toBe(true);
  });

  it("says why a PDF failed in German, reason included (the reason used to be English in a German report)", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    const result = await runCli(["build", ...TODAY], { cwd, env: { PROTOKOLL_PDF_TIMEOUT_MS: "1", PROTOKOLL_LANG: "de" } });
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    const failed = report.deals[0].findings.find((f: { code: string }) => f.code === "pdf-failed");
    expect(failed.message).toMatch(/ließ sich nicht drucken: Das Drucken dauerte länger als \d+ s\./);
    expect(failed.message).not.toMatch(/took longer|Printing/);
  });

  it("without a browser still writes the site, exports and report, then says how to get one (exit 2)", async () => {
    // A next appointment, so there is a calendar to write (a deal with nothing to schedule gets none).
    const cwd = await dealsDir({
      "a.yaml": deal("next_meeting:", "  date: 2026-12-01"),
      "b.yaml": deal("summary: Zweiter Deal"),
    });
    const { code, stdout, stderr } = await runCli(["build", ...TODAY], {
      cwd,
      env: { PUPPETEER_EXECUTABLE_PATH: path.join(cwd, "no-such-chromium") },
    });
    expect(code).toBe(2);
    expect(`${stdout}${stderr}`).toMatch(
      /No Chromium found to print the PDFs\.\n\s+Install one .*PUPPETEER_EXECUTABLE_PATH.*--no-pdf/s,
    );
    for (const file of ["index.html", "report.json", "calendar.ics", "deals/a/index.html", "deals/b/b.eml"])
      expect(existsSync(path.join(cwd, "_site", file)), file).toBe(true);
    expect(existsSync(path.join(cwd, "_site", "deals", "a", "a.pdf"))).toBe(false);
    expect(readFileSync(path.join(cwd, "_site", "deals", "a", "index.html"), "utf8")).not.toContain("a.pdf");
  });

  it("restarts a killed browser once, prints the deals it was printing again, and reports them as warnings", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 16; i++) files[`deal-${i}.yaml`] = deal(`summary: Deal ${i}`);
    const cwd = await dealsDir(files);
    const child = spawn(process.execPath, [BIN, "build", "--concurrency", "2", ...TODAY], {
      cwd,
      env: { ...process.env, CI: "true", PROTOKOLL_LANG: "en", PROTOKOLL_CACHE_DIR: CLI_CACHE_DIR },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const out = path.join(cwd, "_site", "deals");
    let killed = false;
    const watcher = setInterval(() => {
      if (killed || !existsSync(path.join(out, "deal-0", "deal-0.pdf"))) return;
      const browsers = childrenOf(child.pid as number);
      if (browsers.length === 0) return;
      killed = true;
      for (const pid of browsers) process.kill(pid, "SIGKILL");
    }, 10);
    const code = await new Promise((resolve) => child.on("close", resolve));
    clearInterval(watcher);
    expect(killed).toBe(true);
    expect(code).toBe(0);
    expect(stderr).toMatch(/browser crashed and was restarted/);
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    const codes = report.deals.flatMap((d: { findings: { code: string; severity: string }[] }) => d.findings);
    expect(codes.filter((f: { code: string }) => f.code === "pdf-retried").length).toBeGreaterThan(0);
    expect(codes.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    for (let i = 0; i < 16; i++) expect(pdfinfo(path.join(out, `deal-${i}`, `deal-${i}.pdf`)).Pages).toBe("1");
    expect(childrenOf(child.pid as number)).toEqual([]);
  });

  it("on SIGTERM closes the browser, removes temporary files and leaves the previous output complete", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 24; i++) files[`deal-${i}.yaml`] = deal(`summary: Deal ${i}`);
    const cwd = await dealsDir(files);
    expect((await runCli(["build", ...TODAY], { cwd })).code).toBe(0);
    const before = new Map(walk(path.join(cwd, "_site")).map((f) => [f, statSync(f).size]));
    // Change every deal so that all PDFs are printed again, then interrupt the rebuild mid-way.
    for (let i = 0; i < 24; i++) await writeFile(path.join(cwd, "deals", `deal-${i}.yaml`), deal(`summary: Deal ${i}, geändert`));
    const child = spawn(process.execPath, [BIN, "build", "--concurrency", "2", ...TODAY], {
      cwd,
      env: { ...process.env, CI: "true", PROTOKOLL_LANG: "en", PROTOKOLL_CACHE_DIR: CLI_CACHE_DIR },
    });
    const browserSeen = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        // The browser, not any child: `git` runs before the signal handlers are installed.
        const isBrowser = (pid: number) => /chrom|unshare/i.test(readCmdline(pid));
        if (childrenOf(child.pid as number).some(isBrowser)) {
          clearInterval(timer);
          setTimeout(() => resolve(true), 300);
        }
      }, 10);
      child.on("close", () => {
        clearInterval(timer);
        resolve(false);
      });
    });
    expect(browserSeen).toBe(true);
    const pid = child.pid as number;
    child.kill("SIGTERM");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(143);
    expect(childrenOf(pid)).toEqual([]);
    const after = walk(path.join(cwd, "_site"));
    expect(after.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(path.join(stateDirOf(cwd), "build.lock"))).toBe(false);
    for (const [file] of before) {
      // A mail draft goes just before its PDF is replaced (so that none ever attaches another version's PDF);
      // the next build writes it again. Every other file is still there, complete.
      if (file.endsWith(".eml")) continue;
      expect(existsSync(file), file).toBe(true);
      if (file.endsWith(".pdf")) expect(pdfinfo(file).Pages).toBe("1");
    }
  });
});

describe("a build over every hostile fixture plus the example deals", () => {
  it("exits 1, builds every valid deal, lists every broken one, and writes only into the output folder", async () => {
    const cwd = await dealsDir({});
    await cp(path.join(ROOT, "deals"), path.join(cwd, "deals"), { recursive: true });
    for (const code of await readdir(path.join(ROOT, "test", "fixtures", "errors"))) {
      for (const file of await readdir(path.join(ROOT, "test", "fixtures", "errors", code))) {
        if (file.endsWith(".yaml"))
          await cp(path.join(ROOT, "test", "fixtures", "errors", code, file), path.join(cwd, "deals", "hostile", file));
      }
    }
    const before = new Set(walk(cwd));
    const result = await runCli(["build", "--no-pdf", ...TODAY], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    const broken = report.deals.filter((d: { title: string | null }) => d.title === null);
    const valid = report.deals.filter((d: { title: string | null }) => d.title !== null);
    expect(valid.map((d: { slug: string }) => d.slug).sort()).toEqual(
      readdirSync(path.join(ROOT, "deals"))
        .map((f) => f.replace(".yaml", ""))
        .sort(),
    );
    expect(broken.length).toBe(report.deals.length - valid.length);
    const index = readFileSync(path.join(cwd, "_site", "index.html"), "utf8");
    for (const d of broken) expect(index).toContain(d.file);
    for (const d of valid) expect(existsSync(path.join(cwd, "_site", "deals", d.slug, "index.html"))).toBe(true);
    const written = walk(cwd).filter((f) => !before.has(f));
    expect(written.filter((f) => !f.startsWith(path.join(cwd, "_site") + path.sep))).toEqual([]);
    for (const file of written.filter((f) => f.endsWith(".html"))) {
      for (const tag of readFileSync(file, "utf8").match(/<[a-zA-Z][^>]*>/g) ?? []) {
        if (/^<script\b/i.test(tag)) expect(tag).toMatch(/^<script src="(\.\.\/)*assets\/sort\.js" defer>$/);
        expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
        expect(tag).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
      }
    }
  });
});
