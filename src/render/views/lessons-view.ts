// The lessons page (internal): per deal, what the team learned and the signals it noticed.
import type { DealView } from "./deal-view.js";

export interface LessonsEntry {
  title: string;
  customer: string;
  url: string;
  lessonsHtml: string[];
  signalsHtml: string[];
}

/** The deals that have lessons or signals, in deal order. */
export function lessonsView(
  deals: readonly (Pick<DealView, "title" | "customer" | "url"> & {
    internal?: Pick<NonNullable<DealView["internal"]>, "lessonsHtml" | "signalsHtml">;
  })[],
): LessonsEntry[] {
  return deals
    .filter((d) => d.internal && (d.internal.lessonsHtml.length > 0 || d.internal.signalsHtml.length > 0))
    .map((d) => ({
      title: d.title,
      customer: d.customer,
      url: d.url,
      lessonsHtml: d.internal?.lessonsHtml ?? [],
      signalsHtml: d.internal?.signalsHtml ?? [],
    }));
}
