/**
 * KPI trends as inline SVG: no script, readable in print (black on white, patterns by shape, not colour only)
 * and by screen readers — the picture is `aria-hidden` decoration of a `<figure>` whose `<table>` carries every
 * number the picture shows. All text is escaped here; the templates only place the result.
 */
import { escapeHtml } from "../../util/escape-html.js";

export interface TrendPoint {
  /** Short label under the bar, e.g. `W47`. */
  label: string;
  /** The full week, for the table, e.g. `2026-W47`. */
  week: string;
  /** The value drawn; null: nothing measured (a gap, not a zero). */
  value: number | null;
  /** Extra table columns for this row, already formatted (e.g. due and kept for the on-time rate). */
  cells?: string[];
}

export interface TrendChart {
  id: string;
  title: string;
  /** One sentence for the caption (what the weeks are; that the numbers are in the table). */
  summary: string;
  points: TrendPoint[];
  kind: "rate" | "count";
  /** A goal line, for rates (0..1). */
  goal?: number;
  goalLabel?: string;
  /** Table headers: the week, the extra cells, the value. */
  headers: { week: string; cells?: string[]; value: string };
  /** How a value is written in the table and on the chart. */
  format: (value: number) => string;
  empty: string;
}

const WIDTH = 360;
const HEIGHT = 120;
const PAD = { top: 10, right: 8, bottom: 18, left: 30 };

/** A `<figure>` with the chart and its data table. */
export function trendChartHtml(chart: TrendChart): string {
  const values = chart.points.map((p) => p.value).filter((v): v is number => v !== null);
  const max = chart.kind === "rate" ? 1 : Math.max(1, ...values);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, chart.points.length);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const parts: string[] = [];
  // Axis and scale: the top value and zero.
  parts.push(
    `<line x1="${PAD.left}" y1="${y(0)}" x2="${WIDTH - PAD.right}" y2="${y(0)}" class="axis"/>`,
    `<text x="${PAD.left - 4}" y="${y(0) + 3}" text-anchor="end" class="tick">${escapeHtml(chart.format(0))}</text>`,
    `<text x="${PAD.left - 4}" y="${y(max) + 3}" text-anchor="end" class="tick">${escapeHtml(chart.format(max))}</text>`,
  );
  if (chart.goal !== undefined) {
    const gy = y(chart.goal).toFixed(1);
    parts.push(
      `<line x1="${PAD.left}" y1="${gy}" x2="${WIDTH - PAD.right}" y2="${gy}" class="goal"/>`,
      `<text x="${WIDTH - PAD.right}" y="${Number(gy) - 3}" text-anchor="end" class="tick">${escapeHtml(chart.goalLabel ?? "")}</text>`,
    );
  }
  chart.points.forEach((p, i) => {
    const x = PAD.left + i * slot;
    const cx = (x + slot / 2).toFixed(1);
    parts.push(`<text x="${cx}" y="${HEIGHT - 5}" text-anchor="middle" class="tick">${escapeHtml(p.label)}</text>`);
    if (p.value === null) return;
    const top = y(p.value);
    const below = chart.goal !== undefined && p.value < chart.goal;
    parts.push(
      `<rect x="${(x + slot * 0.2).toFixed(1)}" y="${top.toFixed(1)}" width="${(slot * 0.6).toFixed(1)}" height="${(y(0) - top).toFixed(1)}" class="bar${below ? " bar--below" : ""}" data-value="${p.value}"/>`,
    );
  });
  const svg = `<svg class="trend-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" aria-hidden="true" focusable="false">${parts.join("")}</svg>`;
  const head = [chart.headers.week, ...(chart.headers.cells ?? []), chart.headers.value].map(
    (h) => `<th scope="col">${escapeHtml(h)}</th>`,
  );
  const rows = chart.points.map((p) => {
    const cells = [...(p.cells ?? []), p.value === null ? chart.empty : chart.format(p.value)];
    return `<tr><th scope="row">${escapeHtml(p.week)}</th>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
  });
  return [
    `<figure class="trend" id="${escapeHtml(chart.id)}" aria-labelledby="${escapeHtml(chart.id)}-caption">`,
    `<figcaption id="${escapeHtml(chart.id)}-caption"><strong>${escapeHtml(chart.title)}</strong> <span class="trend-summary">${escapeHtml(chart.summary)}</span></figcaption>`,
    svg,
    // One name for figure and table: the figcaption (a caption too would name the lone table twice).
    `<table class="trend-data" aria-labelledby="${escapeHtml(chart.id)}-caption"><thead><tr>${head.join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`,
    "</figure>",
  ].join("\n");
}
