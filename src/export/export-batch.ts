/** Deals per batch of calendars or mail drafts, with a collection in between: 10 000 deals' text must not pile up. */
export const EXPORT_BATCH = 1000;
