import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../config/load-config.js";
import { gitFactsOf } from "../../history/git-facts.js";
import { t } from "../../i18n/translate.js";
import type { Language } from "../../time/language.js";
import { committedHistory } from "../context.js";
import { endWithParent } from "../end-with-parent.js";
import { formHandler, newToken } from "../form/form-server.js";
import { parsePositiveInt, resolveToday } from "../options.js";
import { ServeSession } from "../serve-session.js";
import { VERSION } from "../version.js";

export interface ServeFlags {
  port?: string;
  deals?: string;
  language: Language;
}

/**
 * `protokoll serve`: the site on http://localhost:<port>/ with live reload. A save re-analyses that deal,
 * re-renders its page and the overview pages, and prints its PDF preview in the background; the deal page
 * says whether the protocol fits on one page. A broken deal shows its findings on the index and here, it never
 * stops the server (see serve-session.ts).
 */
export async function serve(flags: ServeFlags, log: (line: string) => void): Promise<number> {
  const port = parsePositiveInt(flags.port, "--port", 8080);
  const dealsDir = flags.deals ?? "deals";
  const { config } = await loadConfig();
  const outDir = await mkdtemp(path.join(tmpdir(), "protokoll-serve-"));
  const today = () => resolveToday(undefined, config.timeZone);
  const read = { dealsDir, config, today: today(), language: flags.language, warn: log, write: true };
  const committed = await committedHistory(read);
  const git = gitFactsOf(committed);
  // The protocol form (GET /new, /edit/<slug>; POST back): a token per start, see src/cli/form/form-server.ts.
  const form = formHandler(
    {
      dealsDir,
      language: flags.language,
      config,
      today,
      token: newToken(),
      saved: (file) => session.saved(file),
      status: (slug) => session.statusOf(slug),
    },
    port,
  );
  const session: ServeSession = new ServeSession({
    dealsDir,
    outDir,
    port,
    config,
    language: flags.language,
    version: VERSION,
    today,
    git,
    ...(committed ? { committed } : {}),
    log,
    intercept: form,
  });
  let stopWatching = () => {};
  try {
    await session.start();
    log(t(flags.language, "serve.serving", { port, dir: dealsDir }));
    log(t(flags.language, "form.serving", { port }));
    // Until Ctrl-C, a signal, the terminal closing, or the process that started it going away (`npx` killed).
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
      process.once("SIGHUP", resolve);
      stopWatching = endWithParent(resolve);
    });
  } finally {
    stopWatching();
    await session.stop();
    await rm(outDir, { recursive: true, force: true });
  }
  return 0;
}
