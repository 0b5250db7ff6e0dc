// The index's summary tiles: totals and, per tile, how many findings of its kind there are (each tile counts
// exactly what its filter page lists).
import type { FindingCode } from "../../errors.js";
import type { Analysis } from "../../pipeline.js";

export interface SummaryView {
  deals: number;
  errors: number;
  warnings: number;
  missingOwner: number;
  vagueOwner: number;
  nextPast: number;
  missingDue: number;
  overdue: number;
  late: number;
  noNext: number;
  stale: number;
}

export function summaryView(analysis: Analysis): SummaryView {
  const counts = new Map<FindingCode, number>();
  for (const deal of analysis.deals) for (const f of deal.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const count = (code: FindingCode) => counts.get(code) ?? 0;
  return {
    ...analysis.summary,
    missingOwner: count("missing-owner"),
    vagueOwner: count("vague-owner"),
    missingDue: count("missing-due"),
    overdue: count("overdue"),
    late: count("protocol-late"),
    noNext: count("missing-next-meeting"),
    nextPast: count("next-meeting-past"),
    stale: count("deal-stale"),
  };
}
