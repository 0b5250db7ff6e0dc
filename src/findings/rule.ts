import type { Config } from "../config/load-config.js";
import { FINDING_CODES, type Finding, type FindingCode, type Position } from "../errors.js";
import type { SourceDocument, YamlPath } from "../load/source-document.js";
import type { Action, Deal } from "../model/deal.js";
import type { PlainDate } from "../time/plain-date.js";

/** What every rule sees: one valid deal, where its nodes are, the day to judge by, the configuration. */
export interface RuleContext {
  deal: Deal;
  source: SourceDocument;
  today: PlainDate;
  config: Config;
}

/** A finding rule: one file each, registered in `findings/index.ts`. */
export interface Rule {
  code: FindingCode;
  check(context: RuleContext): Finding[];
}

export interface Report {
  at: YamlPath | Position;
  en: string;
  de: string;
  hint: string;
  action?: Action;
}

/** Builds a finding placed on a path of the deal file, in English and German. */
export function report(code: FindingCode, context: RuleContext, r: Report): Finding {
  const position = Array.isArray(r.at) ? context.source.valueAt(r.at) : (r.at as Position);
  const result: Finding = {
    code,
    severity: FINDING_CODES[code],
    message: r.en,
    file: context.deal.file,
    line: position.line,
    column: position.column,
    hint: r.hint,
    messageDe: r.de,
  };
  if (position.length && position.length > 1) result.length = position.length;
  if (r.action) result.action = r.action.index;
  return result;
}

export function openActions(deal: Deal): Action[] {
  return deal.actions.filter((a) => a.status === "open");
}

/** The first key of the file: where deal-wide findings point. */
export function dealStart(context: RuleContext): YamlPath {
  return context.source.nodeAt(["title"]) ? ["title"] : [];
}
