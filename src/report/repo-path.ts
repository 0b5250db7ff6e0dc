import { execFileSync } from "node:child_process";
import path from "node:path";

/** Turns a finding's display path (relative to the working folder) into the path a machine format needs. */
export type PathMapper = (file: string) => string;

export const samePath: PathMapper = (file) => file;

/**
 * Paths relative to the repository root, with forward slashes: GitHub annotations and GitLab Code Quality
 * resolve only those, whatever `--deals` was (relative, `../x`, absolute). The root is the git top level of
 * `cwd`, else `cwd` itself.
 */
export function repoPaths(cwd = process.cwd()): PathMapper {
  const root = repositoryRoot(cwd);
  return (file) => {
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(root, absolute);
    const shown = relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
    return shown.split(path.sep).join("/");
  };
}

export function repositoryRoot(cwd: string): string {
  try {
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return top.trim() || cwd;
  } catch {
    return cwd;
  }
}
