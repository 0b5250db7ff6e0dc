/**
 * One loaded deal file → its result: validate, model, findings, send-readiness. Never throws for a broken file;
 * a file with syntax errors still reports its schema problems elsewhere.
 */
import { capFindings, type Finding, finding } from "../errors.js";
import { findingsFor, sortFindings } from "../findings/index.js";
import { sendReadiness } from "../findings/send-readiness.js";
import { phrase } from "../i18n/translate.js";
import type { DealFileEntry } from "../load/find-deal-files.js";
import type { LoadedFile } from "../load/read-deal-file.js";
import { actionKey } from "../model/action-key.js";
import { buildDeal } from "../model/build-deal.js";
import type { Redated } from "../model/deal.js";
import { kpiFor } from "../model/kpi.js";
import type { AnalyseOptions, DealResult } from "../pipeline.js";
import type { PlainDate } from "../time/plain-date.js";
import { validateDeal } from "../validate/validate-deal.js";

/** One file's result, its findings capped and the source lines they point at kept for code frames. */
export function modelDeal(loaded: LoadedFile, options: AnalyseOptions): DealResult {
  const result = modelDealWithSource(loaded, options);
  result.findings = capFindings(result.findings);
  const source = loaded.source;
  if (source) {
    result.titleAt = source.valueAt(["title"]);
    for (const line of [...result.findings.map((f) => f.line), result.titleAt.line]) result.lines[line] = source.line(line);
  }
  return result;
}

function modelDealWithSource(loaded: LoadedFile, options: AnalyseOptions): DealResult {
  const { entry, source } = loaded;
  const result: DealResult = {
    slug: entry.slug,
    file: entry.file,
    title: null,
    status: null,
    lines: {},
    titleAt: { line: 1, column: 1 },
    findings: [...loaded.findings],
  };
  if (!source || loaded.data === undefined) {
    result.findings = sortFindings(result.findings);
    return result;
  }
  const { data, findings } = validateDeal(loaded.data, source, options.today);
  if (loaded.findings.length > 0 || !data) {
    // A file with syntax errors is never built, but its schema problems elsewhere are reported in the same run.
    // Missing keys and wrong types next to a syntax error are the parser's guesses, not the author's: left out.
    const lines = new Set(loaded.findings.flatMap((f) => [f.line, ...(f.covers ?? [])]));
    const echo = (f: Finding) =>
      lines.has(f.line) || f.schemaKeyword === "required" || (f.schemaKeyword === "type" && lines.has(f.line + 1));
    const extra = loaded.partial ? findings.filter((f) => !echo(f)) : findings;
    result.findings = sortFindings([...result.findings, ...extra]);
    return result;
  }
  const git = options.git?.get(entry.file);
  const deal = buildDeal(
    entry.slug,
    entry.file,
    data,
    git
      ? {
          date: git.date,
          shortHash: git.shortHash,
          ...(git.hash ? { hash: git.hash } : {}),
          ...(git.redated?.length ? { redated: git.redated } : {}),
        }
      : undefined,
  );
  if (git?.pushedBack) {
    for (const action of deal.actions) {
      const key = actionKey(deal, action);
      // The newest commit is this file as it is (not read twice): its move, if any, counts here.
      const before = git.dueBefore?.[key];
      const last = before !== undefined && action.due !== undefined && action.due > before ? 1 : 0;
      const times = (git.pushedBack[key] ?? 0) + last;
      if (times) action.pushedBack = times;
      // …and when that commit came after the old date had passed, it re-dated a missed deadline.
      if (last && before !== undefined && action.due !== undefined && git.date > before && deal.git) {
        const moved: Redated = { key, task: action.task, from: before as PlainDate, to: action.due, on: git.date };
        if (action.owner) moved.owner = action.owner;
        deal.git.redated = [...(deal.git.redated ?? []), moved];
      }
    }
  }
  result.deal = deal;
  result.title = deal.title;
  result.status = deal.status;
  result.findings = findingsFor({ deal, source, today: options.today, config: options.config });
  result.readiness = sendReadiness(result.findings, options.config.sendReady.blocking);
  result.kpi = kpiFor([deal], options.today);
  return result;
}

/** Two files with the same slug (`a.yaml` and `a.yml`) would write the same page: the later one is flagged. */
export function duplicateSlugFindings(entries: readonly DealFileEntry[]): Map<string, Finding> {
  const first = new Map<string, string>();
  const duplicates = new Map<string, Finding>();
  for (const entry of entries) {
    const earlier = first.get(entry.slug);
    if (earlier === undefined) {
      first.set(entry.slug, entry.file);
      continue;
    }
    duplicates.set(
      entry.file,
      finding(
        "invalid-filename",
        entry.file,
        { line: 1, column: 1 },
        phrase("file.duplicateSlug", { slug: entry.slug, earlier }),
        phrase("file.duplicateSlugHint"),
      ),
    );
  }
  return duplicates;
}

/** The file with its duplicate-slug finding (if any) in front. */
export function withDuplicate(file: LoadedFile, duplicates: ReadonlyMap<string, Finding>): LoadedFile {
  const duplicate = duplicates.get(file.entry.file);
  return duplicate ? { ...file, findings: [duplicate, ...file.findings] } : file;
}
