import { t } from "../i18n/translate.js";
import type { Language } from "../time/language.js";

/**
 * What to undo when a build is interrupted (Ctrl+C, SIGTERM from CI): close the browser, remove temporary
 * files, release the lock. Every stage registers its cleanups here; the signal handler runs them all, so an
 * interrupted build leaves the previous complete output as it was.
 */
type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
let installed = false;

export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

async function runCleanups(): Promise<void> {
  const all = [...cleanups].reverse();
  cleanups.clear();
  await Promise.allSettled(all.map(async (cleanup) => cleanup()));
}

/** Installs SIGINT/SIGTERM handlers that run every cleanup, then exit with 130/143. */
export function handleInterrupts(log: (line: string) => void, language: Language = "de"): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      log(t(language, "build.interrupted", { signal }));
      void runCleanups().finally(() => process.exit(code));
    });
  }
}
