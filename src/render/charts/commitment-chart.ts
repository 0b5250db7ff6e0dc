// The commitments agreed with clients (`kpi:`, seed 003: ">90 % innerhalb von 30 Tagen"), one bar per deal next to
// the team's trends: the on-time share of the measures due in its window against that deal's own goal. Like the
// trends, the picture is `aria-hidden` decoration of a `<figure>` whose table carries every number; text escaped here.
import type { CommitmentState } from "../../model/commitment.js";
import { formatDate } from "../../time/format-date.js";
import type { Language } from "../../time/language.js";
import { addDays } from "../../time/plain-date.js";
import { escapeHtml } from "../../util/escape-html.js";
import { reviewMessages } from "../i18n.js";

/** One deal with a commitment, as the chart shows it. */
export interface CommitmentRow {
  title: string;
  customer: string;
  /** The deal page, relative to the site's root. */
  url: string;
  state: CommitmentState;
}

const WIDTH = 360;
const ROW = 18;
const LABEL = 130;
const PAD = { top: 4, right: 8, bottom: 4 };
/** Characters of the customer's name beside a bar; the table has the whole name. */
const LABEL_CHARS = 22;

/** A `<figure>` with one bar per deal and its data table; empty without any commitment. */
export function commitmentChartHtml(rows: readonly CommitmentRow[], language: Language, id: string, root: string): string {
  if (rows.length === 0) return "";
  const r = reviewMessages(language);
  const percent = (v: number) => `${Math.round(v * 100)} %`;
  const height = PAD.top + rows.length * ROW + PAD.bottom;
  const x = (share: number) => LABEL + share * (WIDTH - LABEL - PAD.right);
  const parts: string[] = [`<line x1="${LABEL}" y1="${PAD.top}" x2="${LABEL}" y2="${height - PAD.bottom}" class="axis"/>`];
  rows.forEach((row, i) => {
    const top = PAD.top + i * ROW;
    const name = row.customer.length > LABEL_CHARS ? `${row.customer.slice(0, LABEL_CHARS - 1)}…` : row.customer;
    parts.push(`<text x="${LABEL - 4}" y="${top + 12}" text-anchor="end" class="tick">${escapeHtml(name)}</text>`);
    const { share, commitment } = row.state;
    if (share !== null) {
      const below = share < commitment.goal;
      const width = Math.max(0, x(share) - LABEL).toFixed(1);
      parts.push(
        `<rect x="${LABEL}" y="${top + 3}" width="${width}" height="${ROW - 6}" class="bar${below ? " bar--below" : ""}" data-value="${share}"/>`,
      );
    }
    const gx = x(commitment.goal).toFixed(1);
    parts.push(`<line x1="${gx}" y1="${top + 1}" x2="${gx}" y2="${top + ROW - 1}" class="goal"/>`);
  });
  const svg = `<svg class="trend-svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" aria-hidden="true" focusable="false">${parts.join("")}</svg>`;
  const columns = [r.commitmentDeal, r.commitmentWindow, r.measured, r.kept, r.rate, r.goal, r.commitmentState];
  const head = columns.map((h) => `<th scope="col">${escapeHtml(h)}</th>`);
  const body = rows.map((row) => {
    const s = row.state;
    const window = `${formatDate(s.commitment.since, language)} – ${formatDate(addDays(s.ends, -1), language)}`;
    const verdict = !s.ended
      ? r.commitmentRunning
      : s.share === null
        ? r.noData
        : s.missed
          ? s.commitment.exitOption
            ? r.commitmentMissedExit(s.commitment.exitOption)
            : r.commitmentMissed
          : r.commitmentKept;
    const cells = [
      window,
      String(s.measures),
      String(s.onTime),
      s.share === null ? r.noData : percent(s.share),
      percent(s.commitment.goal),
      verdict,
    ];
    const deal = `<a href="${escapeHtml(root + row.url)}">${escapeHtml(row.title)}</a> <span class="trend-summary">${escapeHtml(row.customer)}</span>`;
    // On a phone the table is one card per deal, each value under its column's name (.cards-on-phone).
    const tds = cells.map((c, i) => `<td data-label="${escapeHtml(columns[i + 1] ?? "")}">${escapeHtml(c)}</td>`);
    return `<tr data-commitment${s.missed ? ' data-finding="kpi-missed"' : ""}><th scope="row">${deal}</th>${tds.join("")}</tr>`;
  });
  return [
    `<figure class="trend trend--commitments" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-caption">`,
    `<figcaption id="${escapeHtml(id)}-caption"><strong>${escapeHtml(r.trendCommitments)}</strong> <span class="trend-summary">${escapeHtml(r.commitmentSummary)}</span></figcaption>`,
    svg,
    `<table class="trend-data cards-on-phone" aria-labelledby="${escapeHtml(id)}-caption"><thead><tr>${head.join("")}</tr></thead><tbody>${body.join("")}</tbody></table>`,
    "</figure>",
  ].join("\n");
}
