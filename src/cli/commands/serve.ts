import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../config/load-config.js";
import { plural, t } from "../../i18n/translate.js";
import { readGitFacts } from "../../load/git-facts.js";
import { analyse } from "../../pipeline.js";
import { serveSite } from "../../render/serve-site.js";
import { siteView } from "../../render/site-view.js";
import { formatFinding } from "../../report/format-text.js";
import type { Language } from "../../time/language.js";
import { parsePositiveInt, resolveToday } from "../options.js";

export interface ServeFlags {
  port?: string;
  deals?: string;
  language: Language;
}

/**
 * `protokoll serve`: the site on http://localhost:<port>/ with live reload. Every change to a deal or a
 * template rebuilds within a second; a broken deal shows its findings on the index and here, it never stops
 * the server. No PDFs while editing: `protokoll build` prints them.
 */
export async function serve(flags: ServeFlags, log: (line: string) => void): Promise<number> {
  const port = parsePositiveInt(flags.port, "--port", 8080);
  const dealsDir = flags.deals ?? "deals";
  const { config } = await loadConfig();
  const outDir = await mkdtemp(path.join(tmpdir(), "protokoll-serve-"));
  const view = async () => {
    const today = resolveToday(undefined, config.timeZone);
    const git = await readGitFacts(dealsDir, process.cwd(), config.timeZone, config.maxFileBytes);
    const analysis = await analyse({ dealsDir, today, config, git });
    const { errors, warnings } = analysis.summary;
    const { language } = flags;
    log(
      t(language, "serve.rebuilt", {
        deals: plural(analysis.deals.length, "n.deal"),
        errors: plural(errors, "n.error"),
        warnings: plural(warnings, "n.warning"),
      }),
    );
    for (const result of analysis.deals) {
      for (const f of result.findings.filter((x) => x.severity === "error"))
        log(formatFinding(f, language, (n) => result.lines[n]));
    }
    return siteView(analysis);
  };
  // A deleted deal's page stays in the output folder unless removed: the dev server would go on serving it.
  const deleted = async (file: string) => {
    const slug = path.basename(file).replace(/\.ya?ml$/i, "");
    if (slug && !slug.includes("..")) await rm(path.join(outDir, "deals", slug), { recursive: true, force: true });
  };
  const stop = await serveSite({ outDir, port, watch: [path.resolve(dealsDir)], view, deleted });
  log(t(flags.language, "serve.serving", { port, dir: dealsDir }));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await stop();
  await rm(outDir, { recursive: true, force: true });
  return 0;
}
