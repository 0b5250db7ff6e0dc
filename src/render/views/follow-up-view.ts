// The deal page's follow-up section, for the team only (a client site drops it with the rest of the internal
// data): the last contact, the contact log as a short timeline, the missed deadlines, the commitment, and the
// recap lists' team-only items.
import type { Config } from "../../config/load-config.js";
import { date, plural, say, t } from "../../i18n/translate.js";
import { commitmentState } from "../../model/commitment.js";
import type { Deal } from "../../model/deal.js";
import { missedDeadlines } from "../../model/missed-deadlines.js";
import { type TimelineEvent, timelineOf } from "../../model/timeline.js";
import { formatDate } from "../../time/format-date.js";
import { addDays, daysBetween, type PlainDate } from "../../time/plain-date.js";
import { renderInlineMarkdown } from "../markdown.js";

/** How many entries of the contact log the page shows, newest first: a short timeline, not an archive. */
export const TIMELINE_ENTRIES = 12;

export interface FollowUpView {
  lastContact: string;
  timeline: { date: string; text: string; kind: TimelineEvent["kind"]; direction?: "in" | "out"; evasive: boolean }[];
  missedTitle: string;
  missed: { due: string; task: string; owner: string; side: string; how: string }[];
  commitment?: { line: string; exit?: string; missed: boolean };
  teamItems: { title: string; itemsHtml: string[] }[];
}

export function followUpView(deal: Deal, config: Config, today: PlainDate): FollowUpView | undefined {
  const language = deal.language;
  const timeline = timelineOf(deal, config);
  const fmt = (d: PlainDate) => formatDate(d, language);
  const entries = timeline.events
    .map((e) => ({ date: fmt(e.date), text: eventText(e, deal), kind: e.kind, ...contactParts(e) }))
    .reverse()
    .slice(0, TIMELINE_ENTRIES);
  const missed = missedDeadlines(deal, config, today).map((m) => ({
    due: fmt(m.due),
    task: m.task,
    owner: m.owner ?? "–",
    side: t(language, m.side === "ours" ? "fu.side.ours" : "fu.side.client"),
    how: t(language, `fu.how.${m.how}`),
  }));
  const view: FollowUpView = {
    lastContact: t(language, "fu.lastContact", {
      date: date(timeline.lastContact),
      ago: plural(daysBetween(timeline.lastContact, today), "n.dayAgo"),
    }),
    timeline: entries,
    missedTitle: t(language, "fu.missed", { weeks: config.thresholds.missedDeadlines.weeks }),
    missed,
    teamItems: Object.entries(deal.internalLists).map(([key, items]) => ({
      title: say(language, { key: `list.${key}` as "list.risks" }),
      itemsHtml: items.map(renderInlineMarkdown),
    })),
  };
  const state = commitmentState(deal, today);
  if (state) {
    const percent = (n: number) => `${Math.round(n * 100)}${language === "de" ? " %" : "%"}`;
    const window = {
      from: date(state.commitment.since),
      to: date(addDays(state.ends, -1)),
      goal: percent(state.commitment.goal),
    };
    view.commitment = {
      line:
        state.share === null
          ? t(language, "fu.commitmentNone", window)
          : t(language, "fu.commitmentLine", {
              ...window,
              onTime: state.onTime,
              measures: state.measures,
              share: percent(state.share),
            }),
      missed: state.missed,
    };
    if (state.commitment.exitOption) view.commitment.exit = t(language, "fu.exit", { option: state.commitment.exitOption });
  }
  return view;
}

function eventText(e: TimelineEvent, deal: Deal): string {
  const language = deal.language;
  switch (e.kind) {
    case "meeting":
      return t(language, "fu.meeting");
    case "recap-sent":
      return t(language, "fu.recapSent");
    case "action-done":
      return t(language, "fu.actionDone", { task: e.action.task });
    case "redated":
      return t(language, "fu.redated", { task: e.redated.task, from: date(e.redated.from), to: date(e.redated.to) });
    case "contact": {
      const c = e.contact;
      const parts = [
        t(language, `fu.channel.${c.channel}`),
        t(language, c.direction === "in" ? "fu.in" : "fu.out"),
        ...(c.with ? [c.with] : []),
      ];
      return `${parts.join(" · ")}${c.note ? `: ${c.note}` : ""}`;
    }
  }
}

function contactParts(e: TimelineEvent): { direction?: "in" | "out"; evasive: boolean } {
  return e.kind === "contact" ? { direction: e.contact.direction, evasive: e.contact.evasive } : { evasive: false };
}
