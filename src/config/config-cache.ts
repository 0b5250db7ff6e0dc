// The configuration as validated before: its text → the checked data, so that a build whose deals all come from
// the analysis cache loads neither the YAML parser nor the schema validator for `protokoll.config.yaml` either.
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cacheFolder } from "../util/cache-folder.js";
import { codeFingerprint } from "../util/code-fingerprint.js";
import { machineKey } from "../util/machine-key.js";
import { sha256 } from "../util/sha256.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";

const FORMAT = "protokoll-config-cache";
/** Bumped whenever what is kept changes shape. */
const SCHEMA = 1;

interface Entry {
  format: string;
  schema: number;
  key: string;
  data: unknown;
  mac: string;
}

/**
 * The key of a configuration's text: the text itself, and the tool's code (the schema, the parser and the
 * validator are part of the code fingerprint), so a changed rule never finds an answer of the old one.
 */
export function configKey(text: string): string {
  return sha256(JSON.stringify([FORMAT, SCHEMA, codeFingerprint(), text]));
}

/**
 * The data a configuration file with this key was found valid with (parsed and checked against the schema), or
 * undefined. Kept in the cache folder (src/util/cache-folder.ts), one file per configuration path, and trusted
 * only with the MAC of the cache key (src/util/machine-key.ts): an entry copied in without that key vouches for
 * nothing.
 * Whatever else the configuration names (the logo file, the time zone) is checked again on every run.
 */
export async function cachedConfig(file: string, key: string, env = process.env): Promise<{ data: unknown } | undefined> {
  const secret = await machineKey(false, env);
  if (!secret) return undefined;
  let entry: Entry;
  try {
    entry = JSON.parse(await readFile(entryFile(file, env), "utf8")) as Entry;
  } catch {
    return undefined;
  }
  if (entry?.format !== FORMAT || entry.schema !== SCHEMA || entry.key !== key || typeof entry.mac !== "string") {
    return undefined;
  }
  const expected = macOf(secret, key, entry.data);
  const given = Buffer.from(entry.mac, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { data: entry.data };
}

/**
 * Keeps `data` as what the configuration with `key` was found valid with, once this machine has a key (the first
 * build makes it). Never fails the run: a cache is optional.
 */
export async function rememberConfig(file: string, key: string, data: unknown, env = process.env): Promise<void> {
  try {
    const secret = await machineKey(false, env);
    if (!secret) return;
    const entry: Entry = { format: FORMAT, schema: SCHEMA, key, data, mac: macOf(secret, key, data).toString("hex") };
    await writeFileAtomic(entryFile(file, env), `${JSON.stringify(entry)}\n`);
  } catch {
    // A read-only home folder, a full disk: the configuration is parsed again next time.
  }
}

function entryFile(file: string, env: NodeJS.ProcessEnv): string {
  return path.join(cacheFolder(env, path.dirname(path.resolve(file))), "config", `${sha256(path.resolve(file))}.json`);
}

function macOf(secret: Buffer, key: string, data: unknown): Buffer {
  return createHmac("sha256", secret)
    .update(JSON.stringify([FORMAT, SCHEMA, key, data]))
    .digest();
}
