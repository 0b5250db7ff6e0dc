// The configuration file is untrusted input like a deal file (a pull request can change or replace it): read only
// when it is a regular file inside the repository and no larger than the cap — never through a link out of the
// repository (`/proc/self/environ`, an `.npmrc`), never a device or FIFO (`/dev/zero` once ran to 617 MB).
import { lstat, realpath } from "node:fs/promises";
import type { Phrase } from "../i18n/translate.js";
import { phrase } from "../i18n/translate.js";
import { readCapped } from "../load/read-deal-file.js";
import { isInside } from "../util/cache-folder.js";

/** The largest configuration read, like the deal files' default cap: a bigger one costs nothing to refuse. */
export const CONFIG_MAX_BYTES = 256 * 1024;

export type ConfigRead = { text: string } | { missing: true } | { problem: [Phrase, Phrase] };

/**
 * The text of the configuration `file`, or that there is none, or why it is not read: its real path is outside
 * `root` (the repository, whose real path counts too), it is not a regular file, or it is over the cap. Nothing
 * of a refused file is read, so no message can quote it.
 */
export async function readConfigFile(file: string, root: string, name: string): Promise<ConfigRead> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // A link to nothing is a file that cannot be read, not a missing one.
    if (!(await lstat(file).catch(() => undefined))) return { missing: true };
    return { problem: [phrase("config.special", { file: name }), phrase("config.specialHint")] };
  }
  const realRoot = await realpath(root).catch(() => root);
  if (!isInside(real, realRoot)) return { problem: [phrase("config.outside", { file: name }), phrase("config.outsideHint")] };
  const bytes = await readCapped(real, CONFIG_MAX_BYTES);
  if (bytes === "special") return { problem: [phrase("config.special", { file: name }), phrase("config.specialHint")] };
  if (bytes === "too-large") {
    return {
      problem: [phrase("config.tooLarge", { file: name, max: CONFIG_MAX_BYTES / 1024 }), phrase("config.tooLargeHint")],
    };
  }
  return {
    text: Buffer.from(bytes)
      .toString("utf8")
      .replace(/^\uFEFF/, ""),
  };
}

/** Whether the real path of `file` (which exists) is inside the real path of `root`. */
export async function realInside(file: string, root: string): Promise<boolean> {
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) return true; // missing: said elsewhere
  return isInside(real, await realpath(root).catch(() => root));
}
