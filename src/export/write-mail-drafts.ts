import { readFile } from "node:fs/promises";
import type { Config } from "../config/load-config.js";
import type { Deal } from "../model/deal.js";
import { mapLimit } from "../util/map-limit.js";
import { inOut, outputLayout } from "../util/output-layout.js";
import { releaseMemory } from "../util/release-memory.js";
import { sha256 } from "../util/sha256.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { EXPORT_BATCH } from "./export-batch.js";

/**
 * Writes `<slug>.eml`, the recap as a mail draft, for every valid deal. It attaches the deal's PDF when this
 * build has one for it (`withPdf`: slug → SHA-256 of that PDF) and the file still has exactly those bytes;
 * otherwise it goes without attachment — never with another version's PDF. `drafts` are the deals not ready to
 * send: their subject starts with the draft mark. `keep` names deals whose draft is already what it would be
 * (see the build's output manifest): not written again. `invites` are the deals' invitations (slug →
 * `<slug>-invite.ics`): a draft ready to send carries its deal's. Returns each draft written, with its SHA-256.
 */
export async function writeMailDrafts(
  deals: readonly Deal[],
  outDir: string,
  config: Config,
  withPdf: ReadonlyMap<string, string>,
  drafts: ReadonlySet<string>,
  invites: ReadonlyMap<string, string>,
  keep: (deal: Deal) => Promise<boolean> = async () => false,
): Promise<Map<string, { file: string; hash: string }>> {
  const written = new Map<string, { file: string; hash: string }>();
  // In batches with a collection in between, or 10 000 deals leave hundreds of megabytes of mail text behind.
  for (let start = 0; start < deals.length; start += EXPORT_BATCH) {
    if (deals.length > EXPORT_BATCH) releaseMemory();
    await mapLimit(deals.slice(start, start + EXPORT_BATCH), 16, async (deal) => {
      if (await keep(deal)) return;
      const pdf = await verifiedPdf(inOut(outDir, outputLayout.dealFile(deal.slug, "pdf")), withPdf.get(deal.slug));
      const file = inOut(outDir, outputLayout.dealFile(deal.slug, "eml"));
      // Loaded on the first draft to write: a build whose drafts are all unchanged needs no MIME composer.
      const { recapMail } = await import("./recap-mail.js");
      const mail = await recapMail(deal, { config, pdf, draft: drafts.has(deal.slug), invite: invites.get(deal.slug) });
      await writeFileAtomic(file, mail);
      written.set(deal.slug, { file, hash: sha256(mail) });
    });
  }
  return written;
}

async function verifiedPdf(file: string, expected: string | undefined): Promise<Uint8Array | undefined> {
  if (!expected) return undefined;
  const bytes = await readFile(file).catch(() => undefined);
  return bytes && sha256(bytes) === expected ? bytes : undefined;
}
