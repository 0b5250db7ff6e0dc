import { rm } from "node:fs/promises";
import { resultDigests } from "../../../pipeline.js";
import { codeFingerprint } from "../../../util/code-fingerprint.js";
import { jsonHash } from "../../../util/json-hash.js";
import { mapLimit } from "../../../util/map-limit.js";
import { inOut, outputLayout } from "../../../util/output-layout.js";
import { sha256 } from "../../../util/sha256.js";
import { writeFileAtomic } from "../../../util/write-file-atomic.js";
import type { Output } from "../output.js";

const FOLLOW_UP = "follow-up.eml";

/**
 * `<slug>-follow-up.eml` while the deal's `follow-up-due` finding holds: the draft of the step it names
 * (src/export/follow-up-mail.ts), to the client's participants. Gone as soon as the finding is: an answer logged,
 * a new meeting, the deal closed. The team's to send — a client site gets none. Keyed by the deal's result (its
 * findings included), the configuration and today (the draft is dated): unchanged, it is not written again.
 */
export const followUpOutput: Output = {
  name: "follow-up",
  client: false,
  slice: true,
  dealFiles: (slug) => [`${slug}-${FOLLOW_UP}`],
  async run(run) {
    const { analysis, manifest } = run;
    const digests = resultDigests(analysis);
    const common = jsonHash([codeFingerprint(), analysis.config, analysis.today]);
    const { followUpMail, followUpStep } = await import("../../../export/follow-up-mail.js");
    await mapLimit(
      analysis.deals.flatMap((d, i) =>
        d.deal && run.inSlice(d.slug) ? [{ result: d, deal: d.deal, digest: digests[i] as string }] : [],
      ),
      16,
      async ({ result, deal, digest }) => {
        const file = inOut(run.settings.outDir, outputLayout.dealExtra(deal.slug, FOLLOW_UP));
        const finding = result.findings.find((f) => f.code === "follow-up-due");
        const step = finding ? followUpStep(finding) : undefined;
        if (!step) return void (await rm(file, { force: true }));
        const key = sha256(`${common}\0${digest}`);
        if (await manifest?.reuse(`follow-up:${deal.slug}`, key)) return;
        const mail = await followUpMail(deal, analysis.config, step, analysis.today);
        await writeFileAtomic(file, mail);
        manifest?.record(`follow-up:${deal.slug}`, key, new Map([[file, sha256(mail)]]));
      },
    );
  },
};
