import type { WeekMeasures } from "../../history/weekly-measures.js";
import type { Language } from "../../time/language.js";
import { reviewMessages } from "../i18n.js";
import { trendChartHtml } from "./trend-chart.js";

const percent = (v: number) => `${Math.round(v * 100)} %`;
const count = (v: number) => String(v);

/**
 * The three trends of the weekly measures — on-time rate against the goal line, overdue actions, due dates
 * moved — as figures with data tables. `id` keeps several sets on one page apart.
 */
export function kpiTrendsHtml(rows: readonly WeekMeasures[], language: Language, goal: number, id: string): string {
  const r = reviewMessages(language);
  const first = r.weekLabel(rows[0]?.week ?? "");
  const last = r.weekLabel(rows.at(-1)?.week ?? "");
  const summary = r.chartSummary(first, last);
  const label = (week: string) => r.weekShort(week);
  const onTime = trendChartHtml({
    id: `${id}-on-time`,
    title: r.trendOnTime,
    summary,
    kind: "rate",
    goal,
    goalLabel: `${r.goal} ${percent(goal)}`,
    headers: { week: r.week, cells: [r.measured, r.kept], value: r.rate },
    format: percent,
    empty: r.noData,
    points: rows.map((m) => ({
      label: label(m.week),
      week: r.weekLabel(m.week),
      value: m.onTimeRate,
      cells: [String(m.due), String(m.keptOnTime)],
    })),
  });
  const overdue = trendChartHtml({
    id: `${id}-overdue`,
    title: r.trendOverdue,
    summary,
    kind: "count",
    headers: { week: r.week, value: r.count },
    format: count,
    empty: r.noData,
    points: rows.map((m) => ({ label: label(m.week), week: r.weekLabel(m.week), value: m.overdue })),
  });
  const moved = trendChartHtml({
    id: `${id}-moved`,
    title: r.trendMoved,
    summary,
    kind: "count",
    headers: { week: r.week, value: r.count },
    format: count,
    empty: r.noData,
    points: rows.map((m) => ({ label: label(m.week), week: r.weekLabel(m.week), value: m.moved })),
  });
  return `<div class="trends">\n${onTime}\n${overdue}\n${moved}\n</div>`;
}
