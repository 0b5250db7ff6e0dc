import type { Finding } from "../errors.js";
import { timelineOf } from "../model/timeline.js";
import { ambiguousTime } from "./ambiguous-time.js";
import { closedWithOpenActions } from "./closed-with-open-actions.js";
import { deadlinesMissed } from "./deadlines-missed.js";
import { dealStale } from "./deal-stale.js";
import { decisionDue } from "./decision-due.js";
import { dueBeforeMeeting } from "./due-before-meeting.js";
import { duePushedOften } from "./due-pushed-often.js";
import { evasiveAnswers } from "./evasive-answers.js";
import { followUpDue } from "./follow-up-due.js";
import { kpiMissed } from "./kpi-missed.js";
import { listSplitAtComma } from "./list-split-at-comma.js";
import { lostWithoutReason } from "./lost-without-reason.js";
import { missingDue } from "./missing-due.js";
import { missingNextMeeting } from "./missing-next-meeting.js";
import { missingOwner } from "./missing-owner.js";
import { nextMeetingPast } from "./next-meeting-past.js";
import { overdue } from "./overdue.js";
import { ownerNotParticipant } from "./owner-not-participant.js";
import { protocolLate } from "./protocol-late.js";
import { reviewDue } from "./review-due.js";
import type { Rule, RuleContext } from "./rule.js";
import { vagueOwner } from "./vague-owner.js";

/** Every rule, in the order their findings are listed within a deal (then sorted by line). */
export const RULES: readonly Rule[] = [
  missingOwner,
  vagueOwner,
  ownerNotParticipant,
  missingDue,
  overdue,
  dueBeforeMeeting,
  duePushedOften,
  missingNextMeeting,
  nextMeetingPast,
  protocolLate,
  dealStale,
  followUpDue,
  evasiveAnswers,
  reviewDue,
  decisionDue,
  deadlinesMissed,
  kpiMissed,
  closedWithOpenActions,
  lostWithoutReason,
  ambiguousTime,
  listSplitAtComma,
];

/** Runs every rule on one valid deal; findings come back sorted by position. */
export function findingsFor(given: Omit<RuleContext, "timeline">): Finding[] {
  const context: RuleContext = { ...given, timeline: timelineOf(given.deal, given.config) };
  return sortFindings(RULES.flatMap((rule) => rule.check(context)));
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
}
