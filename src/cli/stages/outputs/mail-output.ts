import { writeMailDrafts } from "../../../export/write-mail-drafts.js";
import { outputLayout } from "../../../util/output-layout.js";
import type { Output } from "../output.js";

/**
 * `<slug>.eml`, the recap as a mail draft with the PDF attached (RFC 5322). The team's to send: a client site
 * gets none, they carry the recipients' addresses.
 */
export const mailOutput: Output = {
  name: "mail",
  client: false,
  dealFiles: (slug) => [outputLayout.dealFileName(slug, "eml")],
  async run(run) {
    const { analysis } = run;
    const deals = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
    const drafts = new Set(analysis.deals.filter((d) => d.readiness && !d.readiness.ready).map((d) => d.slug));
    await writeMailDrafts(deals, run.settings.outDir, analysis.config, run.print?.pdfHashes ?? new Map(), drafts);
  },
};
