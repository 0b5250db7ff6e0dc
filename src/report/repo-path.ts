import { execFileSync } from "node:child_process";
import path from "node:path";

/** Turns a finding's display path (relative to the working folder) into the path a machine format needs. */
export type PathMapper = (file: string) => string;

export const samePath: PathMapper = (file) => file;

/**
 * Paths relative to the repository root, with forward slashes: GitHub annotations and GitLab Code Quality
 * resolve only those, whatever `--deals` was (relative, `../x`, absolute). The root is the git top level of
 * `cwd`, else `cwd` itself. A deals folder outside `cwd` already has its display paths relative to its own
 * repository (src/load/find-deal-files.ts), so those stay as they are: no output carries this machine's folders.
 */
export function repoPaths(cwd = process.cwd(), dealsDir = "deals"): PathMapper {
  if (outside(path.relative(cwd, path.resolve(cwd, dealsDir)))) return (file) => file.split(path.sep).join("/");
  const root = repositoryRoot(cwd);
  return (file) => {
    const relative = path.relative(root, path.resolve(cwd, file));
    return (outside(relative) ? file : relative).split(path.sep).join("/");
  };
}

const outside = (relative: string) => relative.startsWith("..") || path.isAbsolute(relative);

export function repositoryRoot(cwd: string): string {
  return gitTopLevel(cwd) ?? cwd;
}

function gitTopLevel(dir: string): string | undefined {
  try {
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return top.trim() || undefined;
  } catch {
    return undefined;
  }
}
