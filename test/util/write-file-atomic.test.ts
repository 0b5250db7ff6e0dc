// Readers see the old file or the new one, never a half-written one — also when the content comes in pieces.
import { lstat, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/util/write-file-atomic.js";
import { tempDir } from "../helpers/temp-dir.js";

const folder = () => tempDir("protokoll-atomic-");

describe("writeFileAtomic", () => {
  it("writes a string, bytes, or pieces of text as UTF-8, creating the folder", async () => {
    const dir = await folder();
    const target = path.join(dir, "sub", "feed.ics");
    await writeFileAtomic(target, ["BEGIN:VCALENDAR\r\n", "SUMMARY:Rückruf Müller – Größe\r\n", "END:VCALENDAR\r\n"]);
    expect(await readFile(target, "utf8")).toBe("BEGIN:VCALENDAR\r\nSUMMARY:Rückruf Müller – Größe\r\nEND:VCALENDAR\r\n");
    await writeFileAtomic(target, new TextEncoder().encode("ß"));
    expect(await readFile(target, "utf8")).toBe("ß");
    expect(await readdir(path.join(dir, "sub"))).toEqual(["feed.ics"]);
    // A page given whole makes its missing folders too (only when the write finds them missing).
    await writeFileAtomic(path.join(dir, "deals", "neu", "index.html"), "<p>neu</p>");
    expect(await readFile(path.join(dir, "deals", "neu", "index.html"), "utf8")).toBe("<p>neu</p>");
    // A file where a folder should be is an error, not a loop.
    await expect(writeFileAtomic(path.join(dir, "sub", "feed.ics", "x.html"), "x")).rejects.toThrow(/ENOTDIR/);
  });

  it("keeps the old file and leaves no temporary file when producing the content fails halfway", async () => {
    const dir = await folder();
    const target = path.join(dir, "calendar.ics");
    await writeFile(target, "old");
    function* pieces() {
      yield "BEGIN:VCALENDAR\r\n";
      throw new Error("event text broken");
    }
    await expect(writeFileAtomic(target, pieces())).rejects.toThrow("event text broken");
    expect(await readFile(target, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["calendar.ics"]);
  });

  it("leaves a file that already has the same bytes alone, and replaces one that differs or is a link", async () => {
    const dir = await folder();
    const target = path.join(dir, "index.html");
    await writeFileAtomic(target, "<p>Grüße</p>");
    const first = (await stat(target)).ino;
    await writeFileAtomic(target, "<p>Grüße</p>");
    await writeFileAtomic(target, new TextEncoder().encode("<p>Grüße</p>"));
    expect((await stat(target)).ino).toBe(first);
    await writeFileAtomic(target, "<p>Grüsse</p>");
    expect((await stat(target)).ino).not.toBe(first);
    expect(await readFile(target, "utf8")).toBe("<p>Grüsse</p>");
    // A link with the same content is not our file: it is replaced by one.
    const elsewhere = path.join(dir, "elsewhere.html");
    await writeFile(elsewhere, "same");
    const link = path.join(dir, "link.html");
    await symlink(elsewhere, link);
    await writeFileAtomic(link, "same");
    expect((await lstat(link)).isSymbolicLink()).toBe(false);
    expect(await readFile(elsewhere, "utf8")).toBe("same");
  });

  it("streams content in pieces beyond a megabyte in order, and leaves it alone when it is the same", async () => {
    const dir = await folder();
    const target = path.join(dir, "calendar.ics");
    // Thousands of small pieces, as a feed of every deal's events comes: more than the part written whole.
    const pieces = () => Array.from({ length: 60_000 }, (_, i) => `EVENT:${i} Größe\r\n`);
    const expected = pieces().join("");
    expect(Buffer.byteLength(expected)).toBeGreaterThan(1 << 20);
    await writeFileAtomic(target, pieces());
    expect(await readFile(target, "utf8")).toBe(expected);
    const first = (await stat(target)).ino;
    await writeFileAtomic(target, pieces());
    expect((await stat(target)).ino).toBe(first);
    // Failing after the first megabyte (already on its way to a temporary file): the old file stays, nothing else.
    function* failing() {
      yield* pieces();
      throw new Error("event text broken");
    }
    await expect(writeFileAtomic(target, failing())).rejects.toThrow("event text broken");
    expect(await readFile(target, "utf8")).toBe(expected);
    expect(await readdir(dir)).toEqual(["calendar.ics"]);
  });
});
