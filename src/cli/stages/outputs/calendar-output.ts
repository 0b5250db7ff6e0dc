import { ownerDirectory } from "../../../model/owner-directory.js";
import { resultDigests } from "../../../pipeline.js";
import { codeFingerprint } from "../../../util/code-fingerprint.js";
import { outputLayout } from "../../../util/output-layout.js";
import type { Output } from "../output.js";
import { jsonHash } from "../output-manifest.js";

/**
 * `<slug>.ics` per deal, `calendar.ics` for all, `owners/<slug>/calendar.ics` per owner (RFC 5545). Every file
 * depends on every deal (the feeds list them all), so the calendars are one cache entry: the valid deals, the
 * configuration, the history's head (SEQUENCE counts its versions) and the audience.
 */
export const calendarOutput: Output = {
  name: "calendar",
  client: true,
  dealFiles: (slug) => [outputLayout.dealFileName(slug, "ics")],
  files: [outputLayout.calendar],
  async run(run) {
    const { analysis } = run;
    const deals = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
    const key = jsonHash([
      codeFingerprint(),
      analysis.config,
      analysis.today,
      run.historyHead ?? null,
      run.client,
      run.settings.at ?? null,
      // A deal's calendar is made of its result alone: its digest stands for it (src/pipeline.ts).
      resultDigests(analysis).filter((_digest, i) => analysis.deals[i]?.deal),
    ]);
    if (await run.manifest?.reuse("calendar", key)) return;
    // Loaded only now: unchanged calendars need none of the iCalendar writing.
    const { writeCalendars } = await import("../../../export/write-calendars.js");
    const written = await writeCalendars(deals, run.settings.outDir, analysis.config, {
      // At a past revision there is no "now" to add to its history: no git SEQUENCE.
      ...(run.history ? { history: run.history } : {}),
      ...(run.client ? {} : { owners: ownerDirectory(analysis.deals) }),
    });
    run.manifest?.record("calendar", key, written);
  },
};
