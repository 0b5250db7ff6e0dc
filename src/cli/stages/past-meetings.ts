import { describeChange } from "../../diff/format-diff.js";
import { protocolHistory } from "../../diff/protocol-history.js";
import type { History } from "../../history/read-history.js";
import type { Analysis } from "../../pipeline.js";
import type { PastMeetingView } from "../../render/views/deal-view.js";
import { formatDate } from "../../time/format-date.js";

/** Each deal's earlier meetings in its own language's words, for "Verlauf" on the deal page. */
export async function pastMeetingViews(history: History, analysis: Analysis): Promise<Map<string, PastMeetingView[]>> {
  const deals = analysis.deals.flatMap((d) => (d.deal ? [d.deal] : []));
  const language = new Map(deals.map((d) => [d.slug, d.language]));
  const plain = { text: (s: string) => s, strong: (s: string) => s };
  const views = new Map<string, PastMeetingView[]>();
  for (const [slug, meetings] of await protocolHistory(history, deals, process.cwd())) {
    const lang = language.get(slug) ?? "de";
    views.set(
      slug,
      meetings
        .map((m) => ({
          date: formatDate(m.date, lang),
          short: m.commit.slice(0, 10),
          out: `recap-${slug}-${m.date}`,
          changes: m.changes.map((c) => describeChange(c, lang, plain)),
        }))
        .reverse(),
    );
  }
  return views;
}
