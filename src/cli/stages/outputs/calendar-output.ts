import { writeCalendars } from "../../../export/write-calendars.js";
import { ownerDirectory } from "../../../model/owner-directory.js";
import { outputLayout } from "../../../util/output-layout.js";
import type { Output } from "../output.js";

/** `<slug>.ics` per deal, `calendar.ics` for all, `owners/<slug>/calendar.ics` per owner (RFC 5545). */
export const calendarOutput: Output = {
  name: "calendar",
  client: true,
  dealFiles: (slug) => [outputLayout.dealFileName(slug, "ics")],
  files: [outputLayout.calendar],
  async run(run) {
    const { analysis } = run;
    const deals = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
    await writeCalendars(deals, run.settings.outDir, analysis.config, {
      // At a past revision there is no "now" to add to its history: no git SEQUENCE.
      ...(run.history ? { history: run.history } : {}),
      ...(run.client ? {} : { owners: ownerDirectory(analysis.deals) }),
    });
  },
};
