import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's own templates: the site looks the same whichever folder it is built in. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** The part of Eleventy's config API that decides which files under the input folder are templates. */
export interface IgnoreConfig {
  ignores: Set<string>;
  setUseGitIgnore(enabled: boolean): void;
  on(event: "eleventy.ignores", listener: (ignores: string[]) => void): void;
}

/**
 * Makes Eleventy render every template of the package, wherever the package is installed.
 *
 * Installed from a tarball or the registry, the templates live in `<deals repo>/node_modules/protokoll/templates`,
 * and Eleventy ignores `**\/node_modules/**` by default: it found no template at all and wrote no page (issue 13:
 * "Built 2 deals", exit 0, no index.html). It would also apply the working folder's `.gitignore` and
 * `.eleventyignore`, which belong to the deals repository, not to protokoll's templates. Only the ignores Eleventy
 * derives itself (the output folder, `_includes/`, `_data/`, all absolute paths) are kept.
 */
export function packageTemplatesOnly(eleventyConfig: IgnoreConfig): void {
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.delete("**/node_modules/**");
  eleventyConfig.on("eleventy.ignores", (ignores) => {
    // Eleventy hands out the list its glob then uses; entries from the working folder's ignore files are
    // relative to it, its own are absolute.
    const own = ignores.filter((entry) => path.isAbsolute(entry));
    ignores.splice(0, ignores.length, ...own);
  });
}

/** Every page template of the package (not the includes), relative to templates/ with `/` separators. */
export function pageTemplates(): string[] {
  return readdirSync(TEMPLATES_DIR, { recursive: true, encoding: "utf8" })
    .map((name) => name.split(path.sep).join("/"))
    .filter((name) => name.endsWith(".njk") && !name.startsWith("_includes/"))
    .sort();
}

/**
 * The Nunjucks options of both environments — Eleventy's for the site and the print stage's own for the PDF —
 * so a template behaves the same in both: autoescape on (deal text is data, never markup), undefined prints
 * nothing, blocks keep their whitespace.
 */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false, trimBlocks: false } as const;
