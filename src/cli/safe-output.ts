import { lstatSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { ProtokollError } from "../errors.js";
import { phrase } from "../i18n/translate.js";
import { DEALS_OUT, outputLayout } from "../util/output-layout.js";

/**
 * The output folder is cleaned of stale pages on every build, so it must not be a folder that holds the
 * user's own work: the working folder, the deals folder, or any folder containing either. Paths are compared
 * as they are on disk — `--out` and each of its parents resolved through symlinks — so a committed
 * `_site -> .` cannot turn "build into _site" into "build into (and clean) the working folder". A link inside
 * the output folder where the build writes (`_site/deals -> ../deals`) is refused for the same reason.
 */
export function refuseUnsafeOutput(outDir: string, dealsDir: string, cwd = process.cwd()): void {
  const out = realOrNearest(outDir);
  const deals = realOrNearest(dealsDir);
  const work = realOrNearest(cwd);
  const inside = (child: string, parent: string) =>
    child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
  const shown = path.relative(cwd, outDir) || ".";
  if (inside(work, out) || inside(deals, out) || inside(out, deals)) {
    const resolved = out === path.resolve(outDir) ? "" : phrase("build.resolvesTo", { dir: out });
    throw new ProtokollError(phrase("build.unsafeOut", { dir: shown, resolved }), phrase("build.unsafeOutHint"));
  }
  const [link] = linksWhereWeWrite(out);
  if (link) {
    throw new ProtokollError(
      phrase("build.linkInOut", { dir: shown, link: path.relative(out, link) }),
      phrase("build.linkInOutHint"),
    );
  }
}

/**
 * The cache folder must not be inside the output folder (`--cache-dir _site/cache`): what is in it — the analysis
 * with every internal note — would be published with the site.
 */
export function refuseCacheInOutput(cacheDir: string, outDir: string, cwd = process.cwd()): void {
  const cache = realOrNearest(cacheDir);
  const out = realOrNearest(outDir);
  if (cache === out || cache.startsWith(out + path.sep)) {
    throw new ProtokollError(
      phrase("build.cacheInOut", { cache: path.relative(cwd, cacheDir) || ".", dir: path.relative(cwd, outDir) || "." }),
      phrase("build.cacheInOutHint"),
    );
  }
}

/**
 * The real path of `target`, or, when it does not exist yet, the real path of its nearest existing ancestor
 * with the rest appended (`_site/new` under a linked `_site` resolves through the link).
 */
export function realOrNearest(target: string): string {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function linksWhereWeWrite(out: string): string[] {
  const isLink = (file: string) => {
    try {
      return lstatSync(file).isSymbolicLink();
    } catch {
      return false;
    }
  };
  const links = outputLayout.topLevel.map((name) => path.join(out, name)).filter(isLink);
  let dealFolders: string[] = [];
  try {
    dealFolders = readdirSync(path.join(out, DEALS_OUT)).map((name) => path.join(out, DEALS_OUT, name));
  } catch {
    // No deals folder yet.
  }
  return [...links, ...dealFolders.filter(isLink)];
}
