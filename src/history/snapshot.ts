import { createHash } from "node:crypto";
import path from "node:path";
import type { Config } from "../config/load-config.js";
import { DEAL_EXTENSION, type DealFileEntry } from "../load/find-deal-files.js";
import { parseDealBytes } from "../load/read-deal-file.js";
import { actionKey } from "../model/action-key.js";
import { openActions } from "../model/actions.js";
import { buildDeal } from "../model/build-deal.js";
import type { ActionStatus, Deal, DealStatus, Language } from "../model/deal.js";
import { timelineOf } from "../model/timeline.js";
import { type PlainDate, parsePlainDate } from "../time/plain-date.js";
import { validateDeal } from "../validate/validate-deal.js";

/** One action as the history keeps it. */
export interface SnapshotAction {
  /** {@link actionKey}: the same action in every version. */
  key: string;
  task: string;
  owner?: string;
  due?: PlainDate;
  status: ActionStatus;
  doneOn?: PlainDate;
}

/**
 * What the history keeps of one version of a deal file: the few facts the weekly measures, the review, the
 * calendar SEQUENCE and the protocol history need — a few hundred bytes instead of the whole deal.
 */
export interface Snapshot {
  title: string;
  customer: string;
  status: DealStatus;
  language: Language;
  meetingDate: PlainDate;
  nextDate?: PlainDate;
  /**
   * The last contact, as the deal's timeline has it (src/model/timeline.ts): the latest of the meeting, the recap
   * sent, a logged contact and a client-side action done — never a commit, `updated` or the "Stand".
   */
  contact: PlainDate;
  actions: SnapshotAction[];
  lessons: string[];
  /** Per calendar event (`next`, or an action key): a hash of everything the event shows. */
  events: Record<string, string>;
}

const hash = (parts: readonly unknown[]) => createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 16);

/**
 * What of the configuration a snapshot depends on: who is on our side (the sender, our company) decides which
 * actions done are the client's, and so the last contact. Part of the history cache's key.
 */
export function snapshotConfigKey(config: Config): string {
  return JSON.stringify([config.sender?.name ?? null, config.sender?.company ?? null, config.company.name ?? null]);
}

/** The snapshot of a modelled deal (a past version, or the working tree); `config` tells our side from the client's. */
export function snapshotOf(deal: Deal, config: Config): Snapshot {
  const open = openActions(deal);
  const events: Record<string, string> = Object.create(null);
  const next = deal.nextMeeting;
  if (next) {
    events.next = hash([
      deal.title,
      deal.customer,
      deal.language,
      next.date,
      next.time,
      next.duration,
      next.place,
      next.agenda,
      open.map((a) => [a.task, a.owner, a.due]),
    ]);
  }
  // The agreed review and weekly rhythm (src/export/communication-events.ts): what each shows, and whether it runs.
  const closed = deal.status === "won" || deal.status === "lost";
  if (deal.communication?.review) events.review = hash([deal.title, deal.customer, deal.communication.review, closed]);
  const rhythm = deal.communication?.rhythm;
  if (rhythm && typeof rhythm !== "string") {
    events.rhythm = hash([deal.title, deal.customer, deal.meeting.date, rhythm, closed ? deal.asOf : null]);
  }
  for (const action of open) {
    if (action.due)
      events[`action:${actionKey(deal, action)}`] = hash([
        deal.title,
        deal.customer,
        deal.language,
        action.task,
        action.owner,
        action.due,
      ]);
  }
  const snapshot: Snapshot = {
    title: deal.title,
    customer: deal.customer,
    status: deal.status,
    language: deal.language,
    meetingDate: deal.meeting.date,
    contact: timelineOf(deal, config).lastContact,
    actions: deal.actions.map((a) => {
      const action: SnapshotAction = { key: actionKey(deal, a), task: a.task, status: a.status };
      if (a.owner) action.owner = a.owner;
      if (a.due) action.due = a.due;
      if (a.doneOn) action.doneOn = a.doneOn;
      return action;
    }),
    lessons: deal.internal?.lessons ?? [],
    events,
  };
  if (next) snapshot.nextDate = next.date;
  return snapshot;
}

/** The entry of a past version of `file` (a path relative to `cwd`), for {@link snapshotOfBytes}. */
export function snapshotEntry(file: string, cwd: string): DealFileEntry {
  return { file, absolute: path.join(cwd, file), slug: path.posix.basename(file).replace(DEAL_EXTENSION, "") };
}

/**
 * A past version's bytes through the same reader, schema and model as a file on disk — no second YAML reader.
 * A version that does not load or validate has no snapshot (`null`): it counts as "not a deal" for that time.
 */
export function snapshotOfBytes(entry: DealFileEntry, bytes: Uint8Array, config: Config): Snapshot | null {
  const loaded = parseDealBytes(entry, bytes);
  if (!loaded.source || loaded.data === undefined || loaded.findings.length > 0) return null;
  const { data } = validateDeal(loaded.data, loaded.source);
  if (!data) return null;
  return snapshotOf(buildDeal(entry.slug, entry.file, data), config);
}

// A cache file is read back as untrusted input: every snapshot is checked field by field.
const isDate = (v: unknown): v is PlainDate => typeof v === "string" && parsePlainDate(v) !== undefined;
const isString = (v: unknown): v is string => typeof v === "string";
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);

/** Whether `value` has exactly the shape of a {@link Snapshot} (as read from a cache). */
export function isSnapshot(value: unknown): value is Snapshot {
  if (!value || typeof value !== "object") return false;
  const s = value as Record<string, unknown>;
  return (
    isString(s.title) &&
    isString(s.customer) &&
    ["active", "won", "lost", "paused"].includes(s.status as string) &&
    ["de", "en"].includes(s.language as string) &&
    isDate(s.meetingDate) &&
    isDate(s.contact) &&
    optional(s.nextDate, isDate) &&
    Array.isArray(s.lessons) &&
    s.lessons.every(isString) &&
    !!s.events &&
    typeof s.events === "object" &&
    !Array.isArray(s.events) &&
    Object.values(s.events).every(isString) &&
    Array.isArray(s.actions) &&
    s.actions.every((a: unknown) => {
      if (!a || typeof a !== "object") return false;
      const x = a as Record<string, unknown>;
      return (
        isString(x.key) &&
        isString(x.task) &&
        ["open", "done", "dropped"].includes(x.status as string) &&
        optional(x.owner, isString) &&
        optional(x.due, isDate) &&
        optional(x.doneOn, isDate)
      );
    })
  );
}
