import path from "node:path";
import type { Deal } from "../../../model/deal.js";
import { ownerDirectory } from "../../../model/owner-directory.js";
import { resultDigests } from "../../../pipeline.js";
import { codeFingerprint } from "../../../util/code-fingerprint.js";
import { jsonHash } from "../../../util/json-hash.js";
import { inOut, outputLayout } from "../../../util/output-layout.js";
import { sha256 } from "../../../util/sha256.js";
import type { Output } from "../output.js";

/**
 * `<slug>.ics` per deal, `calendar.ics` for all, `owners/<slug>/calendar.ics` per owner (RFC 5545). The feeds
 * depend on every deal, so the calendars as a whole are one cache entry: the valid deals, the configuration, the
 * history's head (SEQUENCE counts its versions) and the audience. When that changed, each deal's part — its
 * events and their owners — is reused from the last build when the deal, its SEQUENCEs and the configuration
 * are the same and its `.ics` still holds what was written (`calendar-parts.jsonl` in the state folder, vouched for by the
 * output manifest): one changed deal computes and writes one deal's events and the feeds.
 */
export const calendarOutput: Output = {
  name: "calendar",
  client: true,
  dealFiles: (slug) => [outputLayout.dealFileName(slug, "ics")],
  files: [outputLayout.calendar],
  async run(run) {
    const { analysis, manifest } = run;
    const { outDir } = run.settings;
    const digests = resultDigests(analysis);
    const valid = analysis.deals.flatMap((d, i) => (d.deal ? [{ deal: d.deal, digest: digests[i] as string }] : []));
    const deals = valid.map((d) => d.deal);
    // What every deal's part is made of besides the deal itself.
    const common = jsonHash([codeFingerprint(), analysis.config, run.client, run.settings.at ?? null]);
    const key = jsonHash([
      common,
      analysis.today,
      run.historyHead ?? null,
      // A deal's calendar is made of its result alone: its digest stands for it (src/pipeline.ts).
      valid.map((d) => d.digest),
    ]);
    const partsEntry = "calendar-parts";
    if (await manifest?.reuse("calendar", key)) {
      manifest?.keepAll("ics:", partsEntry);
      return;
    }
    // Loaded only now: unchanged calendars need none of the iCalendar writing.
    const { writeCalendars, writeHashed } = await import("../../../export/write-calendars.js");
    const { eventSequences } = await import("../../../history/event-sequence.js");
    const { CALENDAR_PARTS_FILE, partLines, readParts } = await import("./calendar-parts.js");
    const history = run.calendarHistory;
    const partsFile = path.join(run.settings.stateDir, CALENDAR_PARTS_FILE);
    // The deal, and the SEQUENCE of each of its events (from the history of its file alone).
    const partKeys = new Map<string, string>();
    for (const { deal, digest } of valid) {
      const versions = history?.files.get(deal.file);
      const sequences = versions ? [...eventSequences(versions)] : null;
      partKeys.set(deal.slug, sha256(`${common}\0${digest}\0${JSON.stringify(sequences)}`));
    }
    const partKey = (deal: Deal) => partKeys.get(deal.slug) as string;
    const previous = (await manifest?.reuse(partsEntry, common)) ? readParts(partsFile) : new Map();
    // The `.ics` files left as the last build wrote them, with their hashes.
    const kept = new Map<string, string>();
    const keptIcs = async (deal: Deal) => {
      const files = await manifest?.reuseHashes(`ics:${deal.slug}`, partKey(deal));
      for (const [file, hash] of files ?? []) kept.set(file, hash);
      return files !== undefined;
    };
    // Under PROTOKOLL_TIMINGS=1, each deal whose events are made again is named (the tests read the list).
    const timings = process.env.PROTOKOLL_TIMINGS === "1";
    const known = async (deal: Deal) => {
      const last = previous.get(deal.slug);
      const own = last ? last.part.events.length - last.part.teamOnly : 0;
      if (last?.key === partKey(deal) && (own === 0 || (await keptIcs(deal)))) return last.part;
      if (timings) process.stderr.write(`protokoll: calendar events ${deal.slug}\n`);
      return undefined;
    };
    const { written, parts } = await writeCalendars(deals, outDir, analysis.config, {
      // At a past revision there is no "now" to add to its history: no git SEQUENCE.
      ...(history ? { history } : {}),
      ...(run.client ? {} : { owners: ownerDirectory(analysis.deals, analysis.ownersSeen) }),
      team: !run.client,
      known,
    });
    for (const deal of deals) {
      const ics = inOut(outDir, outputLayout.dealFile(deal.slug, "ics"));
      const hash = written.get(ics) ?? kept.get(ics);
      if (hash !== undefined) manifest?.record(`ics:${deal.slug}`, partKey(deal), new Map([[ics, hash]]));
    }
    // Without a manifest nothing could vouch for the parts: none are kept.
    if (manifest) {
      const lines = partLines(
        deals.map((deal) => deal.slug),
        deals.map(partKey),
        parts,
      );
      const partsHash = new Map<string, string>();
      await writeHashed(partsFile, lines, partsHash);
      manifest.record(partsEntry, common, partsHash);
    }
    manifest?.record("calendar", key, new Map([...kept, ...written]));
  },
};
