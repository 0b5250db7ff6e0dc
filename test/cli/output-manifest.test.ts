// The output manifest vouches for a file by its fingerprint only once it has read the file and found the
// recorded bytes (src/cli/stages/output-manifest.ts). It once took the fingerprint when recording what a build
// wrote, and so vouched for a page someone replaced between the write and the recording.
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OutputManifest } from "../../src/cli/stages/output-manifest.js";
import { sha256 } from "../../src/util/sha256.js";
import { writeFileAtomic } from "../../src/util/write-file-atomic.js";
import { tempDir } from "../helpers/temp-dir.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function folder() {
  const out = tempDir("protokoll-manifest-");
  mkdirSync(path.join(out, ".protokoll"), { recursive: true });
  return { out, secret: randomBytes(32), page: path.join(out, "deals", "anna", "index.html") };
}

const body = async (out: string) =>
  JSON.parse(JSON.parse(await readFile(path.join(out, ".protokoll", "outputs.json"), "utf8")).body);

describe("OutputManifest", () => {
  it("does not reuse a page replaced between its write and the recording", async () => {
    const { out, secret, page } = await folder();
    const built = "<p>built by protokoll</p>";
    const first = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    await writeFileAtomic(page, built);
    await sleep(20);
    // Same size, put in place by rename (as a sync client does) before the build records its hash.
    writeFileSync(`${page}.x`, "<p>FORGED by someone</p>");
    renameSync(`${page}.x`, page);
    first.record("page:anna", "K", new Map([[page, sha256(built)]]));
    await first.save();
    await sleep(20);
    const second = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    expect(await second.reuse("page:anna", "K")).toBeUndefined();
  });

  it("records a fingerprint only after reading the bytes, and then trusts it until the file changes", async () => {
    const { out, secret, page } = await folder();
    const built = "<p>built by protokoll</p>";
    const first = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    await writeFileAtomic(page, built);
    first.record("page:anna", "K", new Map([[page, sha256(built)]]));
    await first.save();
    // Written by the build: no fingerprint yet.
    expect((await body(out))["page:anna"].seen).toEqual({});
    await sleep(20);
    const second = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    expect(await second.reuse("page:anna", "K")).toEqual([page]);
    await second.save();
    // Read and found as recorded, last changed before this build's clock: fingerprinted.
    expect((await body(out))["page:anna"].seen["deals/anna/index.html"]).toMatch(/^\d+:\d+:\d+:\d+$/);
    await sleep(20);
    const third = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    expect(await third.reuse("page:anna", "K")).toEqual([page]);
    await third.save();
    // Changed afterwards, same size: a new ctime, so the bytes are read again and do not match.
    writeFileSync(page, "<p>built by pr0tokoll</p>");
    const fourth = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    expect(await fourth.reuse("page:anna", "K")).toBeUndefined();
  });

  it("reuses an entry under a new key when its second key is the same, and never when neither is", async () => {
    const { out, secret, page } = await folder();
    const built = "<p>built by protokoll</p>";
    const first = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    await writeFileAtomic(page, built);
    first.record("page:anna", "inputs-1", new Map([[page, sha256(built)]]), "view-1");
    await first.save();
    // Other inputs (another configuration) that made the same view: kept, now under the new inputs' key.
    const second = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    let asked = 0;
    const view = (key: string) => () => (asked++, key);
    expect(await second.reuse("page:anna", "inputs-2", view("view-1"))).toEqual([page]);
    expect(asked).toBe(1);
    await second.save();
    expect((await body(out))["page:anna"]).toMatchObject({ key: "inputs-2", also: "view-1" });
    // The same inputs again: the second key is not even computed.
    const third = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    expect(await third.reuse("page:anna", "inputs-2", view("view-2"))).toEqual([page]);
    expect(asked).toBe(1);
    // Other inputs and another view: not reused; nor without a second key.
    const fourth = await OutputManifest.open(out, path.join(out, ".protokoll"), secret);
    expect(await fourth.reuse("page:anna", "inputs-3", view("view-2"))).toBeUndefined();
    expect(await fourth.reuse("page:anna", "inputs-3")).toBeUndefined();
    // A matching second key does not vouch for a file that changed.
    writeFileSync(page, "<p>FORGED by someone</p>");
    expect(await fourth.reuse("page:anna", "inputs-3", view("view-1"))).toBeUndefined();
  });
});
