import { readFileSync, rmSync } from "node:fs";
import { link, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ProtokollError } from "../errors.js";
import { phrase } from "../i18n/translate.js";
import { onInterrupt } from "./shutdown.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Makes sure only one build writes into an output folder at a time: `build.lock` in the output folder's state
 * folder (`stateDir`, in the cache folder: src/util/cache-folder.ts) holds the pid of the build. A second build
 * refuses with a clear message; a lock left by a build that no longer runs is taken over. Makes both folders.
 * Returns the release function (also run on interrupt).
 */
export async function acquireBuildLock(outDir: string, stateDir: string): Promise<() => void> {
  const lock = path.join(stateDir, "build.lock");
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw unwritable(outDir, error);
  }
  try {
    await mkdir(stateDir, { recursive: true });
  } catch (error) {
    throw unwritable(stateDir, error, "build.cannotWriteCacheHint");
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    // The pid is written to a file of our own first and then hard-linked into place: link() fails if the lock
    // exists, and a lock that exists always holds a pid (with open("wx") + write, a second build could read
    // it empty, take it for stale and remove it).
    const mine = `${lock}.${process.pid}`;
    try {
      await writeFile(mine, String(process.pid));
      try {
        await link(mine, lock);
      } finally {
        await rm(mine, { force: true });
      }
      const release = () => rmSync(lock, { force: true });
      const forget = onInterrupt(release);
      return () => {
        forget();
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw unwritable(stateDir, error, "build.cannotWriteCacheHint");
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (holder && holder !== process.pid && alive(holder)) {
        throw new ProtokollError(phrase("build.locked", { pid: holder, dir: outDir }), phrase("build.lockedHint"));
      }
      rmSync(lock, { force: true }); // left behind by a build that was killed
    }
  }
  throw new ProtokollError(phrase("build.cannotLock", { dir: outDir }), phrase("build.cannotLockHint", { lock }));
}

/** A clear message for an output folder we cannot write to. */
export function unwritable(
  outDir: string,
  error: unknown,
  hint: "build.cannotWriteHint" | "build.cannotWriteCacheHint" = "build.cannotWriteHint",
): ProtokollError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const why = (
    {
      EACCES: "build.why.permission",
      EPERM: "build.why.permission",
      EROFS: "build.why.readOnly",
      ENOTDIR: "build.why.inTheWay",
      EEXIST: "build.why.inTheWay",
    } as const
  )[code as "EACCES"];
  return new ProtokollError(phrase("build.cannotWrite", { dir: outDir, why: why ? phrase(why) : "" }), phrase(hint), {
    cause: error,
  });
}
