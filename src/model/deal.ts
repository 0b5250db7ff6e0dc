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
export type Communication = NonNullable<DealFile["communication"]>;
export type EscalationStep = NonNullable<DealFile["escalation"]>[number];

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
}

/** What git knows about a deal file: its last commit. */
export interface GitFacts {
  date: PlainDate;
  shortHash: string;
  /** The full commit hash, for report.json and the deal page (never the PDF: it does not depend on git). */
  hash?: string;
}

/** A validated deal: the model every later stage reads. Plain data, no methods. */
export interface Deal {
  slug: string;
  file: string;
  title: string;
  customer: string;
  status: DealStatus;
  language: Language;
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
   */
  lists: Readonly<Record<string, readonly string[]>>;
  nextMeeting?: Appointment;
  communication?: Communication;
  escalation: EscalationStep[];
  lostReason?: string;
  protocolSent?: PlainDate;
  /** The "Stand": `updated`, else `protocol_sent`, else the meeting date — never git (contract v3). */
  asOf: PlainDate;
  git?: GitFacts;
  internal?: {
    notes?: string;
    signals: string[];
    lessons: string[];
    hiddenNeeds: string[];
  };
}
