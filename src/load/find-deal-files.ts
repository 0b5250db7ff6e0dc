import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ProtokollError } from "../errors.js";
import { phrase } from "../i18n/translate.js";

export interface DealFileEntry {
  /**
   * Path as shown to the user and written to every output: relative to the working directory, with forward
   * slashes; for a deals folder outside it, relative to that folder's repository (never this machine's
   * absolute path).
   */
  file: string;
  /** Absolute path on disk. */
  absolute: string;
  /** File name without `.yaml` / `.yml`. */
  slug: string;
  /** Set when the entry must not be read (e.g. a symlink pointing out of the deals folder): why, and the fix. */
  refused?: Refusal;
}

export interface Refusal {
  /** A link to a folder has no file name to check; the others are named like deals. */
  folder: boolean;
  /** Why, as the catalogue's `file.refused.<kind>` (and `…Hint` for the fix). */
  kind: "outside" | "folderLink" | "special" | "gitlink" | "symlinkInGit";
}

const REFUSALS = {
  outside: { folder: false, kind: "outside" },
  folderLink: { folder: true, kind: "folderLink" },
  special: { folder: false, kind: "special" },
} as const satisfies Record<string, Refusal>;

/** Deal files end in .yaml or .yml (any case); everything reading deals, from disk or git, uses this. */
export const DEAL_EXTENSION = /\.ya?ml$/i;

/**
 * Lists `<deals>/**\/*.yaml|yml`, sorted by path so every build sees the same order. Each real folder is read
 * once and links to folders are never followed, so a committed `ln -s . deals/loop` cannot make the walk
 * endless; a link to a file is followed only when it stays inside the deals folder (a pull request must not
 * make the build read files elsewhere). What is not read is listed with the reason (`refused`), never skipped
 * silently: links to folders, FIFOs, sockets and devices named like deals. Dot-folders (`.git`, `.github`) and
 * files that are not YAML are not deals and are passed over; `.x.yaml` is listed, and fails the slug rule.
 */
export async function findDealFiles(dealsDir: string, cwd = process.cwd()): Promise<DealFileEntry[]> {
  const root = path.resolve(cwd, dealsDir);
  const rootInfo = await stat(root);
  if (!rootInfo.isDirectory()) {
    throw new ProtokollError(phrase("cli.dealsIsFile", { dir: dealsDir }), phrase("cli.dealsIsFileHint"));
  }
  const realRoot = await realpath(root);
  const base = isInside(path.resolve(cwd), root) ? cwd : await repositoryOf(root);
  // The folder must really be in its repository: a `deals` committed as a link to a folder elsewhere (a home
  // folder with `secrets.yaml`) is not walked, and nothing of it is read or shown.
  const realBase = await realpath(base).catch(() => path.resolve(base));
  if (!isInside(realBase, realRoot)) {
    throw new ProtokollError(phrase("cli.dealsOutside", { dir: dealsDir }), phrase("cli.dealsOutsideHint"));
  }
  const entries: DealFileEntry[] = [];
  const visited = new Set<string>();

  async function walk(dir: string, depth: number): Promise<void> {
    if (depth > 8) return;
    const real = await realpath(dir).catch(() => dir);
    if (visited.has(real)) return;
    visited.add(real);
    // The kinds come with the listing (one call per folder, not one `lstat` per file: 1000 deals waited
    // 80 ms on them); Node asks `lstat` itself where the file system does not say.
    const listing = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const info of listing) {
      const name = info.name;
      if (name === "node_modules") continue;
      const absolute = path.join(dir, name);
      if (name.startsWith(".") && !(info.isFile() && DEAL_EXTENSION.test(name))) continue;
      let refused: Refusal | undefined;
      let isFile = info.isFile();
      if (info.isDirectory()) {
        await walk(absolute, depth + 1);
        continue;
      }
      if (info.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined);
        const targetInfo = target ? await stat(target).catch(() => undefined) : undefined;
        if (targetInfo?.isDirectory()) refused = REFUSALS.folderLink;
        else if (!target || !isInside(realRoot, target)) refused = DEAL_EXTENSION.test(name) ? REFUSALS.outside : undefined;
        else isFile = targetInfo?.isFile() ?? false;
        if (!refused && !isFile && DEAL_EXTENSION.test(name)) refused = REFUSALS.special;
      } else if (!isFile && DEAL_EXTENSION.test(name)) {
        refused = REFUSALS.special;
      }
      if (!refused && (!isFile || !DEAL_EXTENSION.test(name))) continue;
      const entry: DealFileEntry = {
        file: toDisplayPath(absolute, base),
        absolute,
        slug: name.replace(DEAL_EXTENSION, ""),
      };
      if (refused) entry.refused = refused;
      entries.push(entry);
    }
  }

  await walk(root, 0);
  return entries;
}

/**
 * The repository a deals folder outside the working directory belongs to: the nearest folder above it (or
 * itself) with a `.git`, else the folder that holds it — so `--deals /elsewhere/repo/deals` shows
 * `deals/x.yaml`, as a build inside that repository would.
 */
async function repositoryOf(dealsDir: string): Promise<string> {
  for (let dir = dealsDir; ; dir = path.dirname(dir)) {
    if (await lstat(path.join(dir, ".git")).catch(() => undefined)) return dir;
    if (path.dirname(dir) === dir) return path.dirname(dealsDir);
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

export function toDisplayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join("/");
}
