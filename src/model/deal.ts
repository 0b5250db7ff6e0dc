import type { Language } from "../time/language.js";
import type { PlainDate } from "../time/plain-date.js";
import type { DealFile } from "../validate/deal-file.generated.js";

export type { Language };

export type DealStatus = "active" | "won" | "lost" | "paused";
export type ActionStatus = "open" | "done" | "dropped";

export type Participant = NonNullable<DealFile["participants"]>[number];
export type DealSender = NonNullable<DealFile["sender"]>;
export type Terms = NonNullable<DealFile["terms"]>;
export type DealOption = NonNullable<DealFile["options"]>[number];
export type ContactChannel = NonNullable<DealFile["contacts"]>[number]["channel"];
export type EscalationStepName = "reminder" | "importance" | "question" | "close";
export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

/** An escalation step in the v2 text form: printed on the recap, never evaluated. */
export interface EscalationStep {
  when: string;
  then: string;
}

/** One step of the cascade when the client is silent: after so many days without an answer, this step is due. */
export interface CascadeStep {
  afterDays: number;
  step: EscalationStepName;
  /** Position in the file's `escalation` list; absent for the configuration's default cascade. */
  index?: number;
}

/** A fixed weekly appointment (`communication.rhythm` in its structured form). */
export interface Rhythm {
  weekday: Weekday;
  time: string;
  duration?: number;
}

export interface Communication {
  /** The text form, or the structured weekly appointment. */
  rhythm?: string | Rhythm;
  channel?: string;
  review?: PlainDate;
}

/** One touch in the contact log. Internal: never in a client output. */
export interface Contact {
  /** Position in the file's `contacts` list (0-based), for placing findings. */
  index: number;
  date: PlainDate;
  channel: ContactChannel;
  /** `out`: we reached out; `in`: the client answered or came to us. */
  direction: "in" | "out";
  with?: string;
  note?: string;
  evasive: boolean;
}

/** The commitment agreed with the client (`kpi:`): the on-time share of the measures due in a window. */
export interface Commitment {
  goal: number;
  windowDays: number;
  since: PlainDate;
  exitOption?: string;
}

/** One abort criterion; with `by`, a dated decision. */
export interface AbortCriterion {
  index: number;
  text: string;
  by?: PlainDate;
  internal: boolean;
}

export interface Appointment {
  date: PlainDate;
  time?: string;
  duration?: number;
  place?: string;
  agenda?: string[];
}

export interface Action {
  /** Position in the file's `actions` list (0-based), for placing findings. */
  index: number;
  id?: string;
  task: string;
  owner?: string;
  due?: PlainDate;
  status: ActionStatus;
  doneOn?: PlainDate;
  note?: string;
  /** How often the due date was moved later, from git history (when known). */
  pushedBack?: number;
  /** Team-only: never in the PDF, a mail, the deal's calendar or the client site. */
  internal?: true;
}

/** What git knows about a deal file: its last commit. */
export interface GitFacts {
  date: PlainDate;
  shortHash: string;
  /** The full commit hash, for report.json and the deal page (never the PDF: it does not depend on git). */
  hash?: string;
  /** Due dates moved to a later day by a commit made after the old date had passed, from the file's history. */
  redated?: Redated[];
}

/** A deadline re-dated after it had passed: a missed deadline that git remembers. */
export interface Redated {
  /** The action's key (`actionKey` in src/model/action-key.ts). */
  key: string;
  task: string;
  owner?: string;
  from: PlainDate;
  to: PlainDate;
  /** The day of the commit that moved it. */
  on: PlainDate;
}

/** A validated deal: the model every later stage reads. Plain data, no methods. */
export interface Deal {
  slug: string;
  file: string;
  title: string;
  customer: string;
  status: DealStatus;
  language: Language;
  /** How the mails address the client. */
  address: "Sie" | "du";
  meeting: Appointment;
  participants: Participant[];
  /** Who sends this recap, when the deal says so (else the configuration's sender). */
  sender?: DealSender;
  summary?: string;
  decisions: string[];
  terms?: Terms;
  options: DealOption[];
  chosenOption?: string;
  actions: Action[];
  /**
   * The recap lists by their key in the file (`risks`, `abort_criteria`, …; see recapLists() in
   * src/validate/schemas.ts): Markdown lines, client-facing, each list its own section. Every key is present.
   * Items marked `internal: true` are not here but in `internalLists`, so no client output can show them.
   */
  lists: Readonly<Record<string, readonly string[]>>;
  /** The recap lists' team-only items, by key (only keys that have some). */
  internalLists: Readonly<Record<string, readonly string[]>>;
  /** `abort_criteria` with their dates and marks, in file order (client-facing and internal alike). */
  abortCriteria: AbortCriterion[];
  /** The contact log, in file order. */
  contacts: Contact[];
  /** The deal's own escalation cascade (`{after_days, step}` items); empty: the configuration's applies. */
  cascade: CascadeStep[];
  /** The agreed commitment, when `kpi:` sets one. */
  commitment?: Commitment;
  nextMeeting?: Appointment;
  communication?: Communication;
  /** The `{when, then}` escalation items (text, printed on the recap). */
  escalation: EscalationStep[];
  lostReason?: string;
  protocolSent?: PlainDate;
  /** `updated` as the file says it (the history compares versions by it). */
  updated?: PlainDate;
  /** The "Stand": `updated`, else `protocol_sent`, else the meeting date — never git (contract v3). Never a contact. */
  asOf: PlainDate;
  git?: GitFacts;
  internal?: {
    notes?: string;
    signals: string[];
    lessons: string[];
    hiddenNeeds: string[];
  };
}
