// Regression: on a 2 MB tmpfs a deal page came out 0 bytes and another cut at 4096 bytes (Eleventy wrote pages
// in place), with "a bug in the templates" as the message; on a nearly full disk: "internal error" and an
// ENOSPC stack. Now: one clear message, exit 2, every file either its previous version or complete, and the
// next build with space completes the output exactly.
// The disk fills for real on a small tmpfs where this machine lets the test mount one (root on Linux); the
// same build runs everywhere with a write that fails with ENOSPC part-way (test/helpers/fill-disk.mjs).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pdfinfo } from "../helpers/poppler.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TODAY = ["--today", "2026-11-23"];
const FILL_DISK = fileURLToPath(new URL("../helpers/fill-disk.mjs", import.meta.url));
const slugs = readdirSync(path.join(ROOT, "deals")).map((f) => f.replace(/\.yaml$/, ""));
const renamed = (text: string) =>
  text.replace(/^title: .*$/m, `title: ${JSON.stringify(`Neu: ${String((parse(text) as { title: string }).title)}`)}`);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const snapshot = (out: string) => new Map(walk(out).map((f) => [path.relative(out, f), sha(f)]));

async function project(titles: "A" | "B"): Promise<string> {
  const cwd = tempDir("protokoll-disk-");
  await mkdir(path.join(cwd, "deals"));
  for (const slug of slugs) await copyFile(path.join(ROOT, "deals", `${slug}.yaml`), path.join(cwd, "deals", `${slug}.yaml`));
  if (titles === "B") await renameAll(cwd);
  return cwd;
}

async function renameAll(cwd: string): Promise<void> {
  for (const slug of slugs) {
    const file = path.join(cwd, "deals", `${slug}.yaml`);
    await writeFile(file, renamed(readFileSync(file, "utf8")));
  }
}

/** Every file is complete in its own format: no page, PDF, mail, calendar or report was cut off. */
async function expectComplete(out: string): Promise<void> {
  for (const file of walk(out)) {
    const name = path.relative(out, file);
    expect(name.endsWith(".tmp"), name).toBe(false);
    const text = readFileSync(file, "utf8");
    if (name.endsWith(".html")) expect(text.trimEnd().endsWith("</html>"), name).toBe(true);
    if (name.endsWith(".pdf")) expect(pdfinfo(file).Pages, name).toBe("1");
    if (name.endsWith(".json")) expect(() => JSON.parse(text), name).not.toThrow();
    if (name.endsWith(".ics")) expect(text.trimEnd().endsWith("END:VCALENDAR"), name).toBe(true);
    if (name.endsWith(".eml")) {
      const mail = await simpleParser(readFileSync(file));
      // Every attachment is the file of its name beside the draft; the invitation's text/calendar part (v3, no
      // file name) is the deal's <slug>-invite.ics. A draft never carries another version of either.
      for (const attachment of mail.attachments) {
        const invite = attachment.contentType === "text/calendar" ? `${path.basename(file, ".eml")}-invite.ics` : "";
        const beside = attachment.filename ?? invite;
        expect(beside, `${name}: an attachment without a file name`).not.toBe("");
        expect(
          Buffer.compare(attachment.content, readFileSync(path.join(path.dirname(file), beside))),
          `${name}: ${beside}`,
        ).toBe(0);
      }
    }
  }
}

function tryMount(dir: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const mounted: string[] = [];
let cleanB: Map<string, string>;

beforeAll(async () => {
  // A clean build of B, with space: what the build after the full disk must end up with.
  const cwd = await project("B");
  expect((await runCli(["build", ...TODAY], { cwd })).code).toBe(0);
  cleanB = snapshot(path.join(cwd, "_site"));
}, 120_000);

afterAll(() => {
  for (const dir of mounted) execFileSync("umount", [dir]);
});

type Fill = { how: "injected"; bytes: number } | { how: "tmpfs"; leave: number };

const probe = tempDir("protokoll-mount-");
const canMount = tryMount(probe);
if (canMount) execFileSync("umount", [probe]);
const cases: [string, Fill][] = [
  ["a write fails part-way through the PDFs", { how: "injected", bytes: 100_000 }],
  ["a write fails part-way through the pages and mails", { how: "injected", bytes: 450_000 }],
  ...(canMount ? ([["a 2 MB tmpfs fills up", { how: "tmpfs", leave: 4_000 }]] as [string, Fill][]) : []),
];

describe("a full disk during a build", () => {
  it.each(cases)(
    "%s: one clear message (exit 2), nothing cut off, and the next build completes it",
    async (_name, fill) => {
      const cwd = await project("A");
      const out = path.join(cwd, "_site");
      await mkdir(out);
      if (fill.how === "tmpfs") {
        expect(tryMount(out)).toBe(true);
        mounted.push(out);
      }
      expect((await runCli(["build", ...TODAY], { cwd })).code).toBe(0);
      const before = snapshot(out);

      await renameAll(cwd);
      const filler = path.join(out, "filler.bin");
      let env: Record<string, string> = { PROTOKOLL_LANG: "en" };
      if (fill.how === "injected") {
        env = { ...env, NODE_OPTIONS: `--import ${FILL_DISK}`, PROTOKOLL_TEST_DISK_BYTES: String(fill.bytes) };
      } else {
        const free = Number(execFileSync("df", ["-B1", "--output=avail", out], { encoding: "utf8" }).split("\n")[1]);
        await writeFile(filler, Buffer.alloc(Math.max(0, free - fill.leave)));
      }
      const full = await runCli(["build", ...TODAY], { cwd, env });
      expect(full.code).toBe(2);
      expect(full.stderr).toMatch(
        /^protokoll: The output could not be written: the disk is full[^\n]*\. Nothing is half-written: every file is either its previous version or complete in its new one\.\n {2}Free some space/m,
      );
      expect(full.stderr).not.toMatch(/internal error|bug in the templates|\n\s+at /);
      await rm(filler, { force: true });
      // Each file is A's, or complete; only a mail draft may be gone (it goes before its PDF is replaced, so that
      // no draft ever attaches another version's PDF; the next build writes it again).
      const during = snapshot(out);
      for (const [file] of before) if (!file.endsWith(".eml")) expect(during.has(file), file).toBe(true);
      await expectComplete(out);

      const again = await runCli(["build", ...TODAY], { cwd });
      expect(again.code).toBe(0);
      await expectComplete(out);
      const after = snapshot(out);
      for (const [file, hash] of cleanB) {
        if (file.endsWith(".pdf") || file.endsWith(".html") || file.endsWith(".eml")) expect(after.get(file), file).toBe(hash);
      }
    },
    180_000,
  );

  it("says it in German by default", async () => {
    const cwd = await project("A");
    const result = await runCli(["build", "--no-pdf", ...TODAY], {
      cwd,
      env: { NODE_OPTIONS: `--import ${FILL_DISK}`, PROTOKOLL_TEST_DISK_BYTES: "1000", PROTOKOLL_LANG: undefined },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^protokoll: Die Ausgabe konnte nicht geschrieben werden: der Datenträger ist voll/m);
    expect(await readdir(cwd)).toContain("deals");
  }, 60_000);
});
