import path from "node:path";
import { ProtokollError } from "../errors.js";
import { type Phrase, phrase } from "../i18n/translate.js";
import type { DealFileEntry, Refusal } from "./find-deal-files.js";
import { DEAL_EXTENSION } from "./find-deal-files.js";
import { git, readBlobs } from "./git.js";
import { type LoadedFile, parseDealBytes, readDealFile, slugFindings, tooLargeFinding } from "./read-deal-file.js";

const GITLINK: Refusal = { folder: false, kind: "gitlink" };
const SYMLINK: Refusal = { folder: false, kind: "symlinkInGit" };

/** Checks that `revision` names a commit, or stops with exit code 2 and a clear message. */
export async function resolveRevision(revision: string, cwd: string): Promise<string> {
  if (revision.startsWith("-"))
    throw new ProtokollError(phrase("diff.notARevision", { revision }), phrase("diff.notARevisionHint"));
  try {
    return (await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], cwd)).trim();
  } catch {
    throw new ProtokollError(phrase("diff.unknownRevision", { revision }), await revisionsHere(cwd));
  }
}

const BRANCHES_SHOWN = 12;

/**
 * The fix for an unknown revision: the branches this repository has (local and remote-tracking), so a CI job
 * that never fetched `origin/main` is told what it can compare with instead of `origin/main` again.
 */
async function revisionsHere(cwd: string): Promise<Phrase> {
  let names: string[] = [];
  try {
    const refs = await git(["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes"], cwd);
    names = refs.split("\n").filter((name) => name !== "" && !name.endsWith("/HEAD"));
  } catch {
    // Not a repository, or git cannot list its refs: the hint without a list.
  }
  if (names.length === 0) return phrase("diff.unknownRevisionNoBranches");
  const shown = names.slice(0, BRANCHES_SHOWN).join(", ");
  const more = names.length - BRANCHES_SHOWN;
  return phrase("diff.unknownRevisionHint", {
    branches: more > 0 ? phrase("diff.andMore", { list: shown, more }) : shown,
  });
}

/**
 * Reads every deal file of `<deals>` at a commit — one `git ls-tree` and one `git cat-file --batch`, whatever
 * the number of deals — and parses each like a file on disk.
 */
export async function readDealsAtRevision(
  commit: string,
  dealsDir: string,
  cwd: string,
  maxBytes: number,
): Promise<LoadedFile[]> {
  const prefix = (await git(["rev-parse", "--show-prefix"], cwd)).trim();
  const folder = `${prefix}${path.posix.normalize(dealsDir.split(path.sep).join("/")).replace(/\/$/, "")}/`;
  const listing = await git(["ls-tree", "-r", "-l", "--full-tree", "-z", commit], cwd);
  const files = listing
    .split("\0")
    .filter(Boolean)
    .map((row) => {
      const [meta = "", full = ""] = row.split("\t");
      const [mode = "", , , size = ""] = meta.trim().split(/\s+/);
      // "<mode> <type> <id> <size>": a gitlink (160000, a commit of another repository, size "-") and a symbolic
      // link (120000) are named like deals but are not deal files; each is said as what it is.
      const refused: Refusal | undefined = mode === "160000" ? GITLINK : mode === "120000" ? SYMLINK : undefined;
      return { full, size: Number(size), ...(refused ? { refused } : {}) };
    })
    .filter((f) => f.full.startsWith(folder) && DEAL_EXTENSION.test(f.full));
  const small = files.filter((f) => !f.refused && f.size <= maxBytes);
  const blobs = await readBlobs(
    small.map((f) => `${commit}:${f.full}`),
    cwd,
  );
  return Promise.all(
    files.map(async (f) => {
      const relative = f.full.slice(prefix.length);
      const entry: DealFileEntry = {
        file: relative,
        absolute: path.join(cwd, relative),
        slug: path.posix.basename(relative).replace(DEAL_EXTENSION, ""),
      };
      if (f.refused) return readDealFile({ ...entry, refused: f.refused }, maxBytes);
      if (f.size > maxBytes) return { entry, findings: [...slugFindings(entry), tooLargeFinding(relative, maxBytes)] };
      const blob = blobs[small.indexOf(f)];
      if (!blob) return { entry, findings: slugFindings(entry) };
      return parseDealBytes(entry, blob, slugFindings(entry));
    }),
  );
}
