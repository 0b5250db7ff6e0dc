import { readFileSync } from "node:fs";
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ProtokollError } from "../../errors.js";
import type { CatalogueKey } from "../../i18n/catalogue.js";
import { phrase } from "../../i18n/translate.js";
import type { cliMessages } from "../../render/i18n.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";
import { VERSION } from "../version.js";
import { writeNewInside } from "./write-inside.js";

type InitMessages = ReturnType<typeof cliMessages>["init"];

/** The scripts a deals repository gets; a script of the same name that is already there stays. */
export const SCRIPTS: Readonly<Record<string, string>> = {
  build: "protokoll build",
  check: "protokoll check",
  serve: "protokoll serve",
  new: "protokoll new",
};

/** The fields init reads and adds to: npm wants each an object of strings. */
const STRING_MAPS = ["scripts", "dependencies", "devDependencies"] as const;

/**
 * Creates package.json, or adds to an existing one only what it lacks: the protokoll dependency and the
 * scripts. Values that are there stay as they are, and are named. A package.json that is a link is left alone
 * (it belongs to wherever it points); one that is not JSON, or whose scripts or dependencies are not objects of
 * strings, is refused and left as it is, byte for byte. A merged file keeps its indentation, its line endings,
 * its byte order mark and whether it ends with a line break. Returns whether the file changed.
 */
export async function mergePackageJson(dir: string, m: InitMessages, log: (line: string) => void): Promise<boolean> {
  const file = path.join(dir, "package.json");
  const stats = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  const spec = dependencySpec(dir);
  if (stats === undefined) return createPackageJson(dir, spec, m, log);
  if (stats.isSymbolicLink()) {
    log(m.leftAlone("package.json", m.isLink("package.json")));
    return false;
  }
  if (!stats.isFile()) {
    log(m.leftAlone("package.json", m.notAFile));
    return false;
  }
  const existing = await readFile(file, "utf8");
  const bom = existing.startsWith("\uFEFF") ? "\uFEFF" : "";
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(existing.slice(bom.length)) as Record<string, unknown>;
    if (!pkg || typeof pkg !== "object" || Array.isArray(pkg)) throw new Error("not an object");
  } catch (error) {
    throw new ProtokollError(m.badPackageJson, m.badPackageJsonHint, { cause: error });
  }
  for (const field of STRING_MAPS) refuseIfNotStrings(pkg, field);
  const added: string[] = [];
  const kept: string[] = [];
  const scripts = { ...((pkg.scripts as Record<string, string> | undefined) ?? {}) };
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added.push(`scripts.${name}`);
    } else if (scripts[name] !== command) kept.push(`scripts.${name} ("${scripts[name]}")`);
  }
  const deps = (pkg.dependencies as Record<string, string> | undefined) ?? {};
  const devDeps = (pkg.devDependencies as Record<string, string> | undefined) ?? {};
  const current = deps.protokoll ?? devDeps.protokoll;
  let dependencies = pkg.dependencies as Record<string, string> | undefined;
  if (current === undefined) {
    dependencies = { ...deps, protokoll: spec };
    added.push(`dependencies.protokoll (${spec})`);
  } else if (current !== spec) kept.push(`protokoll "${current}"`);
  if (added.length === 0) {
    log(kept.length ? m.packageKept(kept) : m.leftAlone("package.json", m.complete));
    return false;
  }
  const merged = { ...pkg, scripts, ...(dependencies ? { dependencies } : {}) };
  // The file's own layout, so the diff shows only what was added (a CRLF file stays CRLF).
  const indent = /^\uFEFF?\{\r?\n([ \t]+)"/.exec(existing)?.[1] ?? 2;
  const newline = existing.includes("\r\n") ? "\r\n" : "\n";
  const end = /\r?\n$/.test(existing) || !existing.trim() ? newline : "";
  const text = JSON.stringify(merged, null, indent).replace(/\n/g, newline);
  await writeFileAtomic(file, `${bom}${text}${end}`);
  log(m.packageMerged(added, kept));
  return true;
}

async function createPackageJson(dir: string, spec: string, m: InitMessages, log: (line: string) => void): Promise<boolean> {
  const pkg = {
    name: packageName(dir),
    private: true,
    description: m.packageDescription,
    type: "module",
    scripts: { ...SCRIPTS },
    dependencies: { protokoll: spec },
  };
  const outcome = await writeNewInside(dir, "package.json", `${JSON.stringify(pkg, null, 2)}\n`);
  if (outcome.kind === "created") log(m.created("package.json"));
  else log(m.leftAlone("package.json", outcome.kind === "link" ? m.isLink(outcome.link) : m.exists));
  return outcome.kind === "created";
}

/** Refuses a package.json whose `field` is there but is not an object of strings (npm's own shape for it). */
function refuseIfNotStrings(pkg: Record<string, unknown>, field: (typeof STRING_MAPS)[number]): void {
  const value = pkg[field];
  if (value === undefined) return;
  const refuse = (at: string, expected: "object" | "string", found: unknown) =>
    new ProtokollError(
      phrase("init.badPackageField", { field: at, expected: phrase(`init.expected.${expected}`), found: phrase(typeOf(found)) }),
      phrase("init.badPackageFieldHint", { field: at, expected: phrase(`init.expected.${expected}`) }),
    );
  if (typeOf(value) !== "init.type.object") throw refuse(field, "object", value);
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    if (typeof entry !== "string") throw refuse(`${field}.${name}`, "string", entry);
  }
}

function typeOf(value: unknown): CatalogueKey & `init.type.${string}` {
  if (value === null) return "init.type.null";
  if (Array.isArray(value)) return "init.type.array";
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" ? `init.type.${type}` : "init.type.object";
}

/**
 * How the deals repository pins protokoll: the way the running protokoll was installed there (a tarball, a
 * git tag, a path — from npm's lock of node_modules), else this version exactly, as it will be on the registry.
 */
function dependencySpec(dir: string): string {
  const here = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));
  if (here === path.resolve(dir, "node_modules", "protokoll")) {
    try {
      const lock = JSON.parse(readFileSync(path.join(dir, "node_modules", ".package-lock.json"), "utf8")) as {
        packages?: Record<string, { resolved?: string }>;
      };
      const resolved = lock.packages?.["node_modules/protokoll"]?.resolved;
      if (resolved && !/^https?:/.test(resolved)) return resolved;
    } catch {
      // No usable lock: the version.
    }
  }
  return VERSION;
}

/** A valid npm package name from the folder's name ("Vertrieb Nord" → "vertrieb-nord"). */
function packageName(dir: string): string {
  const base = path
    .basename(dir)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[-]+$/g, "");
  return base || "deals";
}
