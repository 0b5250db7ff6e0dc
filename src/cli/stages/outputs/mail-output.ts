import { writeMailDrafts } from "../../../export/write-mail-drafts.js";
import type { Deal } from "../../../model/deal.js";
import { resultDigests } from "../../../pipeline.js";
import { codeFingerprint } from "../../../util/code-fingerprint.js";
import { outputLayout } from "../../../util/output-layout.js";
import { sha256 } from "../../../util/sha256.js";
import type { Output } from "../output.js";

/**
 * `<slug>.eml`, the recap as a mail draft with the PDF attached (RFC 5322). The team's to send: a client site
 * gets none, they carry the recipients' addresses. Each draft is keyed by its deal, the configuration, the PDF
 * it attaches, the invitation it carries (the invitation stage's) and the draft mark: an unchanged one is not
 * built again.
 */
export const mailOutput: Output = {
  name: "mail",
  client: false,
  slice: true,
  dealFiles: (slug) => [outputLayout.dealFileName(slug, "eml")],
  async run(run) {
    const { analysis } = run;
    const deals = analysis.deals.flatMap((d) => (d.deal && run.inSlice(d.slug) ? [d.deal] : []));
    const drafts = new Set(analysis.deals.filter((d) => d.readiness && !d.readiness.ready).map((d) => d.slug));
    const pdfs = run.print?.pdfHashes ?? new Map<string, string>();
    const everyMail = JSON.stringify([codeFingerprint(), analysis.config]);
    // A draft is made of its deal's result alone: the result's digest stands for the deal (src/pipeline.ts).
    const digests = resultDigests(analysis);
    const digestOf = new Map(analysis.deals.flatMap((d, i) => (d.deal ? [[d.slug, digests[i] as string] as const] : [])));
    // Asked when deciding and again when recording: computed once per deal.
    const keys = new Map<string, string>();
    const key = (deal: Deal) => {
      let known = keys.get(deal.slug);
      if (known === undefined) {
        known = sha256(
          `${everyMail}\0${pdfs.get(deal.slug) ?? ""}\0${drafts.has(deal.slug)}\0${sha256(run.invites.get(deal.slug) ?? "")}\0${digestOf.get(deal.slug) ?? JSON.stringify(deal)}`,
        );
        keys.set(deal.slug, known);
      }
      return known;
    };
    const manifest = run.manifest;
    const keep = async (deal: Deal) => Boolean(await manifest?.reuse(`mail:${deal.slug}`, key(deal)));
    const written = await writeMailDrafts(deals, run.settings.outDir, analysis.config, pdfs, drafts, run.invites, keep);
    for (const deal of deals) {
      const mail = written.get(deal.slug);
      if (mail) manifest?.record(`mail:${deal.slug}`, key(deal), new Map([[mail.file, mail.hash]]));
    }
  },
};
