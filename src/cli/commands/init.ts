import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ProtokollError } from "../../errors.js";
import { phrase } from "../../i18n/translate.js";
import { DEAL_EXTENSION } from "../../load/find-deal-files.js";
import { cliMessages } from "../../render/i18n.js";
import type { Language } from "../../time/language.js";
import { addDays, type PlainDate } from "../../time/plain-date.js";
import { mergePackageJson } from "../init/package-json.js";
import { linkOnTheWay, writeNewInside } from "../init/write-inside.js";
import { resolveToday } from "../options.js";

export { SCRIPTS } from "../init/package-json.js";

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

/**
 * `protokoll init [dir]`: scaffolds a deals repository — package.json, protokoll.config.yaml, an example deal,
 * .gitignore, the editor's schema mapping (into node_modules/protokoll, so it updates with the tool), a team
 * README and the CI file. Never overwrites a file: an existing package.json only gains the scripts and the
 * dependency it lacks, and the output says what was left alone. Running it again changes nothing.
 *
 * Writes only inside `dir`: a symbolic link anywhere below it on the way to a file (`package.json`, `.vscode`,
 * `.github`, `deals` linked to another project) is left alone and named, never written through. A folder it
 * may not write to gets the message `build` gives for one, not a stack trace.
 */
export async function init(flags: InitFlags, log: (line: string) => void): Promise<number> {
  const m = cliMessages(flags.lang).init;
  const ci = (flags.ci ?? "github") as Ci;
  if (!(ci in CI_FILES)) throw new ProtokollError(m.unknownCi(flags.ci ?? ""), m.unknownCiHint);
  const dir = path.resolve(flags.dir ?? ".");
  try {
    return await scaffoldInto(dir, ci, flags.lang, log);
  } catch (error) {
    throw unwritable(dir, error) ?? error;
  }
}

async function scaffoldInto(dir: string, ci: Ci, lang: Language, log: (line: string) => void): Promise<number> {
  const m = cliMessages(lang).init;
  await mkdir(dir, { recursive: true });
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
    // The example deal is only an example: a repository that has deals already (or a linked deals folder,
    // which is somebody else's) gets none.
    if (file.to.startsWith("deals/")) {
      const link = await linkOnTheWay(dir, "deals");
      if (link) {
        log(m.leftAlone("deals/", m.isLink(link)));
        continue;
      }
      if (await hasDeals(path.join(dir, "deals"))) {
        log(m.leftAlone("deals/", m.hasDeals));
        continue;
      }
    }
    const outcome = await writeNewInside(dir, file.to, await file.text());
    if (outcome.kind === "created") {
      changed++;
      log(m.created(file.to));
    } else log(m.leftAlone(file.to, outcome.kind === "link" ? m.isLink(outcome.link) : m.exists));
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
async function sayWhatToCommit(
  dir: string,
  written: string[],
  m: ReturnType<typeof cliMessages>["init"],
  log: (line: string) => void,
): Promise<void> {
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

/**
 * A folder init may not write to, in the words `build` uses for its output folder ("Cannot write to …:
 * permission denied."); undefined for any other error.
 */
function unwritable(dir: string, error: unknown): ProtokollError | undefined {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const why = (
    {
      EACCES: "build.why.permission",
      EPERM: "build.why.permission",
      EROFS: "build.why.readOnly",
      ENOTDIR: "build.why.inTheWay",
    } as const
  )[code as "EACCES"];
  if (!why) return undefined;
  return new ProtokollError(phrase("build.cannotWrite", { dir, why: phrase(why) }), phrase("init.cannotWriteHint"), {
    cause: error,
  });
}
