import type { Language } from "../../model/deal.js";
import type { Analysis } from "../../pipeline.js";
import { formatDate, formatTime, formatWeekday } from "../../time/format-date.js";
import { addDays, type PlainDate } from "../../time/plain-date.js";
import { outputLayout } from "../../util/output-layout.js";
import { messages } from "../i18n.js";

export interface UpcomingItem {
  kind: "meeting" | "deadline";
  date: string;
  dateIso: PlainDate;
  weekday: string;
  time?: string;
  title: string;
  detail: string;
  dealUrl: string;
}

export function upcomingItems(analysis: Analysis, language: Language): UpcomingItem[] {
  const t = messages(language);
  const last = addDays(analysis.today, analysis.config.thresholds.upcomingDays);
  const inWindow = (date: PlainDate) => date >= analysis.today && date <= last;
  const items: UpcomingItem[] = [];
  for (const result of analysis.deals) {
    const deal = result.deal;
    if (!deal) continue;
    const dealUrl = outputLayout.dealFolder(deal.slug);
    const next = deal.nextMeeting;
    if (next && inWindow(next.date)) {
      const item: UpcomingItem = {
        kind: "meeting",
        date: formatDate(next.date, language),
        dateIso: next.date,
        weekday: formatWeekday(next.date, language),
        title: `${deal.customer}: ${deal.title}`,
        detail: [next.place, next.duration ? `${next.duration} ${t.minutes}` : undefined].filter(Boolean).join(" · "),
        dealUrl,
      };
      if (next.time) item.time = formatTime(next.time, language);
      items.push(item);
    }
    for (const action of deal.actions) {
      if (action.status !== "open" || !action.due || !inWindow(action.due)) continue;
      items.push({
        kind: "deadline",
        date: formatDate(action.due, language),
        dateIso: action.due,
        weekday: formatWeekday(action.due, language),
        title: action.task,
        detail: `${action.owner ?? t.nobody} · ${deal.customer}: ${deal.title}`,
        dealUrl,
      });
    }
  }
  return items.sort(
    (a, b) => a.dateIso.localeCompare(b.dateIso) || (a.time ?? "").localeCompare(b.time ?? "") || a.title.localeCompare(b.title),
  );
}
