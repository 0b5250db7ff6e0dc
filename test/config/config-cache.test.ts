// The configuration found valid once is not parsed again (src/config/config-cache.ts); what the cache says is
// believed only with this machine's MAC, and what the configuration names is checked on every run.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedConfig, configKey } from "../../src/config/config-cache.js";
import { loadConfig } from "../../src/config/load-config.js";
import { machineKey } from "../../src/util/machine-key.js";
import { tempDir } from "../helpers/temp-dir.js";

/** A 1×1 transparent PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const TEXT = "company:\n  name: Nordlicht Energie AG\n  logo: logo.png\nsite_language: en\n";

let saved: string | undefined;
let cacheHome: string;
beforeEach(async () => {
  saved = process.env.XDG_CACHE_HOME;
  cacheHome = tempDir("protokoll-key-");
  process.env.XDG_CACHE_HOME = cacheHome;
  await machineKey(true);
});
afterEach(() => {
  if (saved === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved;
});

async function project(text = TEXT): Promise<string> {
  const dir = tempDir("protokoll-config-");
  await writeFile(path.join(dir, "protokoll.config.yaml"), text);
  await writeFile(path.join(dir, "logo.png"), PNG);
  return dir;
}

async function entryFile(): Promise<string> {
  const folder = path.join(cacheHome, "protokoll", "config");
  const [name] = await readdir(folder);
  return path.join(folder, name as string);
}

describe("the configuration cache", () => {
  it("keeps a valid configuration once build asks, and gives the same configuration from it", async () => {
    const dir = await project();
    const file = path.join(dir, "protokoll.config.yaml");
    const fresh = await loadConfig(dir);
    expect(await cachedConfig(file, configKey(TEXT))).toBeUndefined();
    expect(await loadConfig(dir, { remember: true })).toEqual(fresh);
    expect(await cachedConfig(file, configKey(TEXT))).toEqual({
      data: { company: { name: "Nordlicht Energie AG", logo: "logo.png" }, site_language: "en" },
    });
    expect(await loadConfig(dir)).toEqual(fresh);
    expect(fresh.config.company.name).toBe("Nordlicht Energie AG");
  });

  it("never believes a changed entry: the file is parsed again", async () => {
    const dir = await project();
    await loadConfig(dir, { remember: true });
    const file = await entryFile();
    const entry = JSON.parse(await readFile(file, "utf8"));
    entry.data.company.name = "Gefälscht GmbH";
    await writeFile(file, JSON.stringify(entry));
    expect(await cachedConfig(path.join(dir, "protokoll.config.yaml"), configKey(TEXT))).toBeUndefined();
    expect((await loadConfig(dir)).config.company.name).toBe("Nordlicht Energie AG");
  });

  it("never believes another machine's entry", async () => {
    const dir = await project();
    await loadConfig(dir, { remember: true });
    await rm(path.join(cacheHome, "protokoll", "cache-key"));
    await machineKey(true);
    expect(await cachedConfig(path.join(dir, "protokoll.config.yaml"), configKey(TEXT))).toBeUndefined();
  });

  it("parses a changed configuration again", async () => {
    const dir = await project();
    await loadConfig(dir, { remember: true });
    await writeFile(path.join(dir, "protokoll.config.yaml"), TEXT.replace("Nordlicht Energie AG", "Südwind AG"));
    expect((await loadConfig(dir, { remember: true })).config.company.name).toBe("Südwind AG");
    await writeFile(path.join(dir, "protokoll.config.yaml"), "time_zone: Mars/Olympus\n");
    const broken = await loadConfig(dir, { remember: true });
    expect(broken.findings.map((f) => [f.code, f.line, f.column])).toEqual([["invalid-field", 1, 12]]);
  });

  it("checks the logo again on every run, and says where it is written when it is gone", async () => {
    const dir = await project();
    await loadConfig(dir, { remember: true });
    await rm(path.join(dir, "logo.png"));
    const { findings } = await loadConfig(dir);
    expect(findings.map((f) => [f.code, f.line, f.column])).toEqual([["invalid-field", 3, 9]]);
  });

  it("writes nothing without a machine key (check on a fresh machine)", async () => {
    await rm(path.join(cacheHome, "protokoll"), { recursive: true });
    await mkdir(cacheHome, { recursive: true });
    const dir = await project();
    await loadConfig(dir, { remember: true });
    expect(await readdir(cacheHome)).toEqual([]);
  });
});
