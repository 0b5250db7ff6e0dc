import path from "node:path";
import { renderSite } from "../../../render/render-site.js";
import type { Output } from "../output.js";

/** The site: index, deal, owner, filter, upcoming, lessons and review pages (Eleventy), after the PDFs. */
export const siteOutput: Output = {
  name: "site",
  client: true,
  async run(run) {
    const { analysis, client } = run;
    const pdfs: Record<string, true> = Object.create(null);
    for (const slug of run.print?.pdfHashes.keys() ?? []) pdfs[slug] = true;
    // A client site gets none of the history's internal views (trends, reviews, Verlauf).
    const pages = await renderSite(analysis, {
      outDir: run.settings.outDir,
      ...(run.history && !client ? { history: run.history } : {}),
      ...(run.pastMeetings && !client ? { pastMeetings: run.pastMeetings } : {}),
      flags: { pdfs, extras: true, audience: run.settings.audience, mail: !client },
    });
    for (const page of pages) run.pages.add(path.resolve(page));
  },
};
