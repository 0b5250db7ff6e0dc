import type { Config } from "../config/load-config.js";
import { type Finding, type FindingCode, finding, type Position } from "../errors.js";
import type { Phrase } from "../i18n/translate.js";
import type { SourceDocument, YamlPath } from "../load/source-document.js";
import type { Action, Deal } from "../model/deal.js";
import type { Timeline } from "../model/timeline.js";
import type { PlainDate } from "../time/plain-date.js";

/** What every rule sees: one valid deal, where its nodes are, the day to judge by, the configuration. */
export interface RuleContext {
  deal: Deal;
  source: SourceDocument;
  today: PlainDate;
  config: Config;
  /** The deal's timeline (src/model/timeline.ts): rules read contacts and git's memory from it, never git. */
  timeline: Timeline;
}

/** A finding rule: one file each, registered in `findings/index.ts`. */
export interface Rule {
  code: FindingCode;
  check(context: RuleContext): Finding[];
}

export interface Report {
  at: YamlPath | Position;
  message: Phrase;
  hint: Phrase;
  action?: Action;
}

/** A rule's finding: placed on a path of the deal file, then built by the one builder, `finding`. */
export function report(code: FindingCode, context: RuleContext, r: Report): Finding {
  const position = Array.isArray(r.at) ? context.source.valueAt(r.at) : (r.at as Position);
  const result = finding(code, context.deal.file, position, r.message, r.hint);
  if (r.action) result.action = r.action.index;
  return result;
}

export { openActions } from "../model/actions.js";

/** The first key of the file: where deal-wide findings point. */
export function dealStart(context: RuleContext): YamlPath {
  return context.source.nodeAt(["title"]) ? ["title"] : [];
}
