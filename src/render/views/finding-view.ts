import { type Finding, type FindingCode, type Severity, wordFinding } from "../../errors.js";
import { MARK_ICON, type Mark } from "../../findings/level.js";
import type { Language } from "../../model/deal.js";
import { findingTitle, messages } from "../i18n.js";
import { visibleControls } from "../visible-controls.js";

/** One finding as every page shows it: title and message in the page's language, its mark as symbol and word. */
export interface FindingView {
  code: FindingCode;
  severity: Severity;
  /** The finding's mark (src/findings/level.ts): the same symbol and word as on the index, in the diff and the CLI. */
  mark: Mark;
  icon: string;
  severityLabel: string;
  title: string;
  message: string;
  hint: string;
  line: number;
  column: number;
  file: string;
  /** On the deal page, the first finding of each kind: the target of the index chip ("finding-overdue"). */
  anchor?: string;
}

export function findingView(f: Finding, language: Language, mark: Mark): FindingView {
  const t = messages(language);
  return {
    code: f.code,
    severity: f.severity,
    mark,
    icon: MARK_ICON[mark],
    severityLabel: t[`level_${mark}`],
    title: findingTitle(f.code, language),
    ...visibleWords(wordFinding(f, language)),
    line: f.line,
    column: f.column,
    file: visibleControls(f.file),
  };
}

const visibleWords = (w: { message: string; hint: string }) => ({
  message: visibleControls(w.message),
  hint: visibleControls(w.hint),
});
