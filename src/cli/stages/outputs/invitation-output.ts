import { readFile, rm } from "node:fs/promises";
import { resultDigests } from "../../../pipeline.js";
import { codeFingerprint } from "../../../util/code-fingerprint.js";
import { jsonHash } from "../../../util/json-hash.js";
import { mapLimit } from "../../../util/map-limit.js";
import { inOut, outputLayout } from "../../../util/output-layout.js";
import { sha256 } from "../../../util/sha256.js";
import { writeFileAtomic } from "../../../util/write-file-atomic.js";
import type { Output } from "../output.js";

const INVITE = "invite.ics";
const CANCEL = "cancel.ics";

/**
 * `<slug>-invite.ics` (iTIP REQUEST) for a next meeting with someone to invite, `<slug>-cancel.ics` (CANCEL)
 * for one that was in the calendars and is gone (src/export/invitation.ts). The team's to send: they carry the
 * participants' addresses, so a client site gets neither. A deal's files are keyed by its result, the
 * configuration and the history's head (SEQUENCE counts its versions): unchanged, they are not made again, and
 * the invitation is read back for the recap mail.
 */
export const invitationOutput: Output = {
  name: "invitation",
  client: false,
  slice: true,
  dealFiles: (slug) => [`${slug}-${INVITE}`, `${slug}-${CANCEL}`],
  async run(run) {
    const { analysis, manifest } = run;
    const { outDir } = run.settings;
    const digests = resultDigests(analysis);
    const common = jsonHash([codeFingerprint(), analysis.config, run.historyHead ?? null, run.settings.at ?? null]);
    const valid = analysis.deals.flatMap((d, i) =>
      d.deal && run.inSlice(d.slug) ? [{ deal: d.deal, key: sha256(`${common}\0${digests[i]}`) }] : [],
    );
    const { dealInvitations } = await import("../../../export/invitation.js");
    await mapLimit(valid, 16, async ({ deal, key }) => {
      const invite = inOut(outDir, outputLayout.dealExtra(deal.slug, INVITE));
      const cancel = inOut(outDir, outputLayout.dealExtra(deal.slug, CANCEL));
      const kept = await manifest?.reuse(`invitation:${deal.slug}`, key);
      if (kept) {
        if (kept.includes(invite)) run.invites.set(deal.slug, await readFile(invite, "utf8"));
        return;
      }
      const made = dealInvitations(deal, analysis.config, run.calendarHistory?.files.get(deal.file));
      const files = new Map<string, string>();
      for (const [file, text] of [
        [invite, made.invite],
        [cancel, made.cancel],
      ] as const) {
        if (text === undefined) {
          await rm(file, { force: true });
          continue;
        }
        await writeFileAtomic(file, text);
        files.set(file, sha256(text));
      }
      if (made.invite !== undefined) run.invites.set(deal.slug, made.invite);
      manifest?.record(`invitation:${deal.slug}`, key, files);
    });
  },
};
