import type { SiteView } from "./assemble-site.js";
import type { DealView } from "./views/deal-view.js";

/** Who a site is built for: the team (everything, the default) or wider publication (`build --audience client`). */
export type Audience = "team" | "client";

export const AUDIENCES: readonly Audience[] = ["team", "client"];

/**
 * The only templates a client site renders: its own index (no findings, status or KPIs), the deal pages (shown
 * as the client recap shows them), the assets and robots.txt. An allowlist, so a page added later for the team
 * (a weekly review, a new filter) stays off client sites until someone decides otherwise here.
 */
export const CLIENT_TEMPLATES: readonly string[] = [
  "client-index.njk",
  "deal.njk",
  "robots.njk",
  "assets/site.css.njk",
  "assets/sort.js.njk",
];

/** Templates (paths relative to templates/, `/`-separated) the site of `audience` does not render. */
export function skippedTemplates(audience: Audience, all: readonly string[]): string[] {
  if (audience === "team") return all.filter((name) => name === "client-index.njk");
  return all.filter((name) => !CLIENT_TEMPLATES.includes(name));
}

/**
 * The site view for a client site: what the client recap (PDF) shows, nothing more. The internal section,
 * findings, KPIs, postponement counts, "overdue" marks, broken files and every cross-deal page are dropped
 * here, from the data, so no template can show them by accident.
 */
export function clientView(view: SiteView): SiteView {
  const noKpi = { open: 0, overdue: 0, onTime: "–", onTimeBelowGoal: false };
  // Trends and weekly reviews are the team's: dropped like the KPIs.
  const { trends: _trends, ...team } = view;
  return {
    ...team,
    reviews: [],
    deals: view.deals.map(clientDeal),
    // By title, not by urgency: the team's order would tell what is slipping. Send-readiness is the team's too.
    rows: view.rows
      .filter((row) => !row.broken)
      .map(({ nextFinding: _next, level: _level, readiness: _readiness, lastContact: _lastContact, ...row }) => ({
        ...row,
        findings: [],
        chips: [],
        score: 0,
        nextPast: false,
        errors: 0,
        warnings: 0,
        open: 0,
        overdue: 0,
        onTime: "–",
      }))
      .sort((a, b) => a.title.localeCompare(b.title, view.lang)),
    index: {
      ...view.index,
      rows: [],
      week: { ...view.index.week, owners: [], morePeople: 0, followUps: [], decisions: [] },
      allPages: [],
      statusLinks: [],
      readinessLinks: [],
    },
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
      stale: 0,
    },
    kpi: noKpi,
    owners: [],
    ownersIndex: [],
    upcoming: [],
    lessons: [],
    findingPages: [],
    statusPages: [],
    readinessPages: [],
    allPages: [],
  };
}

/** A deal page as a client site shows it (see {@link clientView}). */
export function clientDeal(deal: DealView): DealView {
  const { internal: _internal, gitHash: _gitHash, followUp: _followUp, ...rest } = deal;
  return {
    ...rest,
    actions: deal.actions
      .filter((action) => !action.internal)
      .map(({ pushedBack: _pushedBack, ...action }) => ({ ...action, overdue: false, findings: [] })),
    // Whether it is a draft shows (as on its PDF); what it lacks is the team's.
    readiness: { ...deal.readiness, missing: [] },
    findings: [],
    dealFindings: [],
    pastMeetings: [],
    kpi: { open: 0, overdue: 0, onTime: "–", onTimeBelowGoal: false },
    errors: 0,
    warnings: 0,
  };
}
