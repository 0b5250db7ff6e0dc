// The views the deals' history adds (src/history/): the team's KPI trends on the index, each owner's on their
// page, and the weekly review pages of this week and the last. All internal.
import type { Config } from "../../config/load-config.js";
import type { History } from "../../history/read-history.js";
import { emptyRow, weeklyMeasuresByOwner } from "../../history/weekly-measures.js";
import { weeklyReview } from "../../history/weekly-review.js";
import { ownerKey } from "../../model/owner-directory.js";
import { addWeeks, isoWeekOf, weeksEndingWith } from "../../time/iso-week.js";
import type { PlainDate } from "../../time/plain-date.js";
import { outputLayout } from "../../util/output-layout.js";
import { type CommitmentRow, commitmentChartHtml } from "../charts/commitment-chart.js";
import { kpiTrendsHtml } from "../charts/kpi-trends.js";
import { reviewMessages } from "../i18n.js";
import { reviewBodyHtml } from "../review-html.js";
import type { OwnerPage } from "./owner-view.js";

/** Weeks the trend charts show, the current one last. */
export const TREND_WEEKS = 12;

export interface TrendsView {
  title: string;
  html: string;
  reviews: { url: string; label: string }[];
}

/** One weekly review page, `review/<week>/` (internal). */
export interface ReviewPage {
  week: string;
  title: string;
  bodyHtml: string;
}

export interface HistoryViews {
  trends: TrendsView;
  reviews: ReviewPage[];
  /** Each owner's trend figures, by owner name. */
  ownerTrendsHtml: Map<string, string>;
}

/** A deal's commitment for the trends, with the {@link ownerKey}s of our side of the deal (src/model/timeline.ts). */
export interface CommitmentEntry extends CommitmentRow {
  people: ReadonlySet<string>;
}

/**
 * Trends for the index and the owner pages, and the review pages of this week and the last. The team's trends
 * gain every commitment of `commitments`; an owner's, those of the deals where the owner is on our side.
 */
export function historyViews(
  history: History,
  owners: readonly OwnerPage[],
  today: PlainDate,
  config: Config,
  commitments: readonly CommitmentEntry[] = [],
): HistoryViews {
  const language = config.siteLanguage;
  const goal = config.thresholds.onTimeGoal;
  const thisWeek = isoWeekOf(today);
  const weeks = weeksEndingWith(thisWeek, TREND_WEEKS);
  const r = reviewMessages(language);
  // One pass for the team and every owner: an owner page's trend no longer scans every deal again.
  const measures = weeklyMeasuresByOwner(history, weeks, today);
  const ownerTrendsHtml = new Map<string, string>();
  for (const owner of owners) {
    if (owner.nobody) continue;
    const rows = measures.owners.get(ownerKey(owner.name));
    const theirs = commitments.filter((c) => c.people.has(ownerKey(owner.name)));
    ownerTrendsHtml.set(
      owner.name,
      kpiTrendsHtml(rows ?? weeks.map(emptyRow), language, goal, "owner") +
        commitmentChartHtml(theirs, language, "owner-commitments", "../../"),
    );
  }
  return {
    trends: {
      title: r.trends,
      html:
        kpiTrendsHtml(measures.team, language, goal, "team") + commitmentChartHtml(commitments, language, "team-commitments", ""),
      reviews: [thisWeek, addWeeks(thisWeek, -1)].map((week) => ({ url: outputLayout.reviewPage(week), label: r.title(week) })),
    },
    reviews: [addWeeks(thisWeek, -1), thisWeek].map((week) => ({
      week,
      title: r.title(week),
      bodyHtml: reviewBodyHtml(weeklyReview(history, week, today, config.thresholds), language, goal, "../../"),
    })),
    ownerTrendsHtml,
  };
}
