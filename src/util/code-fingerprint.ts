import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What renders a page besides its data: our code, templates and schemas, and the libraries that turn them into HTML. */
const FOLDERS = ["dist", "templates", "schema"];
const LIBRARIES = ["@11ty/eleventy", "nunjucks", "markdown-it", "yaml", "ajv", "@fontsource/source-sans-3"];

let fingerprint: string | undefined;

/**
 * A hash of everything of the tool that decides what a build writes: every file of the compiled code, the
 * templates and the schemas, and the versions of the libraries that render. Part of the key of every cached
 * output, so a changed template or a fix in the code is never hidden by a cache made before it (the version
 * number alone does not change while the code does). Read once per process: about 2 MB.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  for (const folder of FOLDERS) {
    const root = path.join(PACKAGE_ROOT, folder);
    let names: string[];
    try {
      names = (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(PACKAGE_ROOT, path.join(entry.parentPath, entry.name)))
        .sort();
    } catch {
      continue;
    }
    for (const name of names)
      hash
        .update(`${name}\0`)
        .update(readFileSync(path.join(PACKAGE_ROOT, name)))
        .update("\0");
  }
  const require = createRequire(import.meta.url);
  for (const library of LIBRARIES) {
    try {
      const manifest = require(`${library}/package.json`) as { version?: string };
      hash.update(`${library}@${manifest.version ?? "?"}\0`);
    } catch {
      hash.update(`${library}@none\0`);
    }
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}
