import type { DealView, SiteView } from "./site-view.js";

/** Who a site is built for: the team (everything, the default) or wider publication (`build --audience client`). */
export type Audience = "team" | "client";

export const AUDIENCES: readonly Audience[] = ["team", "client"];

/**
 * Templates a client site never renders: the team's working pages (who owes what across customers, lessons
 * learned, findings and status filters, the upcoming agenda across customers) and the team index with its
 * findings and KPIs. A client site has its own index instead; the team site never renders that one.
 */
export const TEMPLATES_BY_AUDIENCE: Readonly<Record<Audience, { skip: readonly string[] }>> = {
  team: { skip: ["client-index.njk"] },
  client: {
    skip: [
      "index.njk",
      "lessons.njk",
      "owners.njk",
      "owner.njk",
      "finding-filter.njk",
      "status-filter.njk",
      "upcoming.njk",
      "readiness-filter.njk",
    ],
  },
};

/**
 * The site view for a client site: what the client recap (PDF) shows, nothing more. The internal section,
 * findings, KPIs, postponement counts, "overdue" marks, broken files and every cross-deal page are dropped
 * here, from the data, so no template can show them by accident.
 */
export function clientView(view: SiteView): SiteView {
  const noKpi = { open: 0, overdue: 0, onTime: "–", onTimeBelowGoal: false };
  return {
    ...view,
    deals: view.deals.map(clientDeal),
    rows: view.rows
      .filter((row) => !row.broken)
      .map(({ readiness: _readiness, ...row }) => ({
        ...row,
        findings: [],
        errors: 0,
        warnings: 0,
        open: 0,
        overdue: 0,
        onTime: "–",
      })),
    summary: {
      deals: view.rows.filter((row) => !row.broken).length,
      errors: 0,
      warnings: 0,
      missingOwner: 0,
      vagueOwner: 0,
      nextPast: 0,
      missingDue: 0,
      overdue: 0,
      late: 0,
      noNext: 0,
    },
    kpi: noKpi,
    owners: [],
    upcoming: [],
    lessons: [],
    findingPages: [],
    statusPages: [],
    readinessPages: [],
  };
}

function clientDeal(deal: DealView): DealView {
  const { internal: _internal, gitHash: _gitHash, ...rest } = deal;
  return {
    ...rest,
    actions: deal.actions.map(({ pushedBack: _pushedBack, ...action }) => ({ ...action, overdue: false, findings: [] })),
    findings: [],
    dealFindings: [],
    kpi: { open: 0, overdue: 0, onTime: "–", onTimeBelowGoal: false },
    errors: 0,
    warnings: 0,
  };
}
