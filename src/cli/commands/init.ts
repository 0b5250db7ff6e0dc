import { readFileSync } from "node:fs";
import { mkdir, open, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ProtokollError } from "../../errors.js";
import { DEAL_EXTENSION } from "../../load/find-deal-files.js";
import { cliMessages } from "../../render/i18n.js";
import type { Language } from "../../time/language.js";
import { addDays, type PlainDate } from "../../time/plain-date.js";
import { resolveToday } from "../options.js";
import { VERSION } from "../version.js";

export interface InitFlags {
  dir?: string;
  ci?: string;
  lang: Language;
}

/** The shipped scaffold (package.json `files`), next to dist/ wherever protokoll is installed. */
const SCAFFOLD = fileURLToPath(new URL("../../../scaffold/", import.meta.url));

const CI_FILES = {
  github: { from: "ci/github.yml", to: ".github/workflows/protokoll.yml" },
  gitlab: { from: "ci/gitlab.yml", to: ".gitlab-ci.yml" },
  none: undefined,
} as const;
type Ci = keyof typeof CI_FILES;

/** The scripts a deals repository gets; a script of the same name that is already there stays. */
export const SCRIPTS: Readonly<Record<string, string>> = {
  build: "protokoll build",
  check: "protokoll check",
  serve: "protokoll serve",
  new: "protokoll new",
};

/**
 * `protokoll init [dir]`: scaffolds a deals repository — package.json, protokoll.config.yaml, an example deal,
 * .gitignore, the editor's schema mapping (into node_modules/protokoll, so it updates with the tool), a team
 * README and the CI file. Never overwrites a file: an existing package.json only gains the scripts and the
 * dependency it lacks, and the output says what was left alone. Running it again changes nothing.
 */
export async function init(flags: InitFlags, log: (line: string) => void): Promise<number> {
  const m = cliMessages(flags.lang).init;
  const ci = (flags.ci ?? "github") as Ci;
  if (!(ci in CI_FILES)) throw new ProtokollError(m.unknownCi(flags.ci ?? ""), m.unknownCiHint);
  const dir = path.resolve(flags.dir ?? ".");
  await mkdir(dir, { recursive: true });
  const lang = flags.lang;
  const today = resolveToday(undefined, "Europe/Berlin");

  const files: { to: string; text: () => Promise<string> }[] = [
    { to: "protokoll.config.yaml", text: () => scaffold(`${lang}/protokoll.config.yaml`) },
    { to: exampleDealPath(lang), text: async () => exampleDeal(await scaffold(`${lang}/example-deal.yaml`), today) },
    { to: ".gitignore", text: () => scaffold("common/gitignore") },
    { to: ".vscode/settings.json", text: () => scaffold("common/vscode-settings.json") },
    { to: ".vscode/extensions.json", text: () => scaffold("common/vscode-extensions.json") },
    { to: "README.md", text: () => scaffold(`${lang}/README.md`) },
  ];
  const ciFile = CI_FILES[ci];
  if (ciFile) files.push({ to: ciFile.to, text: () => scaffold(ciFile.from) });

  let changed = 0;
  const pkg = await mergePackageJson(dir, m, log);
  if (pkg) changed++;
  for (const file of files) {
    const target = path.join(dir, file.to);
    // The example deal is only an example: a repository that has deals already gets none.
    const skipExample = file.to.startsWith("deals/") && (await hasDeals(path.join(dir, "deals")));
    if (skipExample) {
      log(m.leftAlone("deals/", m.hasDeals));
      continue;
    }
    if (await writeNew(target, await file.text())) {
      changed++;
      log(m.created(file.to));
    } else log(m.leftAlone(file.to, m.exists));
  }
  log(changed === 0 ? m.nothingToDo : m.next(path.relative(process.cwd(), dir) || "."));
  await sayWhatToCommit(dir, [...files.map((file) => file.to), "package-lock.json"], m, log);
  return 0;
}

/**
 * What a fresh clone needs, so that `npm ci` works for a colleague and in CI: the files init writes, the lock,
 * and a tarball protokoll was installed from (`file:vendor/protokoll-0.1.0.tgz`). A tarball outside the
 * repository (`file:../protokoll-0.1.0.tgz`) would be missing in every clone: init says how to move it in.
 */
async function sayWhatToCommit(dir: string, written: string[], m: InitMessages, log: (line: string) => void): Promise<void> {
  const top = (file: string) => (/^(deals|\.vscode)\//.test(file) ? `${file.slice(0, file.indexOf("/"))}/` : file);
  const files = [...new Set(["package.json", ...written.map(top)])];
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = {};
  try {
    pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
  } catch {
    // An unreadable package.json was reported when it was merged.
  }
  const spec = pkg.dependencies?.protokoll ?? pkg.devDependencies?.protokoll ?? "";
  const tarball = /^file:(.+\.tgz)$/.exec(spec)?.[1];
  if (tarball) {
    const inside = path.relative(dir, path.resolve(dir, tarball));
    if (inside.startsWith("..") || path.isAbsolute(inside)) log(m.tarballOutside(tarball, path.basename(tarball)));
    else files.push(inside.split(path.sep).join("/"));
  }
  log(m.commit(files));
}

function exampleDealPath(lang: Language): string {
  return lang === "de" ? "deals/beispiel-rahmenvertrag.yaml" : "deals/example-framework-agreement.yaml";
}

/** The example's dates around the day of `init`, so the first build shows a deal in good order. */
function exampleDeal(text: string, today: PlainDate): string {
  return text
    .replaceAll("{{MEETING}}", today)
    .replaceAll("{{DUE}}", addDays(today, 7))
    .replaceAll("{{NEXT}}", addDays(today, 14));
}

async function scaffold(name: string): Promise<string> {
  return readFile(path.join(SCAFFOLD, name), "utf8");
}

async function hasDeals(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { recursive: true }).catch(() => []);
  return entries.some((name) => DEAL_EXTENSION.test(String(name)));
}

/** Writes `file` only if it does not exist ("wx" is atomic). Returns whether it wrote. */
async function writeNew(file: string, text: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    const handle = await open(file, "wx");
    await handle.writeFile(text);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

type InitMessages = ReturnType<typeof cliMessages>["init"];

/**
 * Creates package.json, or adds to an existing one only what it lacks: the protokoll dependency and the
 * scripts. Values that are there stay as they are, and are named. Returns whether the file changed.
 */
async function mergePackageJson(dir: string, m: InitMessages, log: (line: string) => void): Promise<boolean> {
  const file = path.join(dir, "package.json");
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  const spec = dependencySpec(dir);
  if (existing === undefined) {
    const pkg = {
      name: packageName(dir),
      private: true,
      description: m.packageDescription,
      type: "module",
      scripts: { ...SCRIPTS },
      dependencies: { protokoll: spec },
    };
    await writeNew(file, `${JSON.stringify(pkg, null, 2)}\n`);
    log(m.created("package.json"));
    return true;
  }
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(existing) as Record<string, unknown>;
    if (!pkg || typeof pkg !== "object" || Array.isArray(pkg)) throw new Error("not an object");
  } catch (error) {
    throw new ProtokollError(m.badPackageJson, m.badPackageJsonHint, { cause: error });
  }
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
  // Keep the file's indentation, so the diff shows only what was added.
  const indent = /^\{\r?\n([ \t]+)"/.exec(existing)?.[1] ?? 2;
  await writeFile(file, `${JSON.stringify(merged, null, indent)}\n`);
  log(m.packageMerged(added, kept));
  return true;
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
