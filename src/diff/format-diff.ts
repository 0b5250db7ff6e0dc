import type { FindingCode } from "../errors.js";
import { MARK_ICON, type Mark } from "../findings/level.js";
import type { CatalogueKey } from "../i18n/catalogue.js";
import { plural, say, t as text } from "../i18n/translate.js";
import { formatDate } from "../time/format-date.js";
import type { Language } from "../time/language.js";
import type { PlainDate } from "../time/plain-date.js";
import { codeSpan, markdownText } from "../util/markdown-sink.js";
import type { Change, DealDiff } from "./diff-deals.js";

type DiffKey = CatalogueKey extends infer K ? (K extends `diff.${infer R}` ? R : never) : never;

/** Deal text (titles, tasks, names, messages, file names) in the summary: see util/markdown-sink.ts. */
export const inlineText = markdownText;

/** How a change is written: `text` makes deal text safe for the sink, `strong` marks what needs attention. */
export interface ChangeWords {
  text: (s: string) => string;
  strong: (s: string) => string;
}

/** One change in words, in the deal's language ("Frist verschoben „Plan“: 27.11.2026 → 04.12.2026 (+7 Tage)"). */
export function describeChange(c: Change, language: Language, words: ChangeWords): string {
  const l = (key: DiffKey) => say(language, { key: `diff.${key}` });
  const status = (s: string) => say(language, { key: `status_${s}` as CatalogueKey });
  const day = (n: number) => `${n > 0 ? "+" : n < 0 ? "-" : ""}${say(language, plural(Math.abs(n), "n.day"))}`;
  const date = (d: PlainDate | undefined) => (d ? formatDate(d, language) : l("noDate"));
  const quote = (t: string) => `${l("openQuote")}${words.text(t)}${l("closeQuote")}`;
  const who = (owner: string | undefined) => (owner ? words.text(owner) : undefined);
  switch (c.type) {
    case "status":
      return `${l("status")}: ${status(c.from)} → ${status(c.to)}`;
    case "action-added":
      return `${l("actionAdded")}: ${quote(c.task)} – ${who(c.owner) ?? l("nobody")}, ${date(c.due)}`;
    case "action-removed":
      // An open action deleted is work nobody will do: say whose it was and when it was due.
      return c.open
        ? `${l("openActionRemoved")}: ${quote(c.task)} – ${who(c.owner) ?? l("nobody")}, ${c.due ? `${l("wasDue")} ${date(c.due)}` : l("noDate")}`
        : `${l("actionRemoved")}: ${quote(c.task)}`;
    case "action-done":
      return `${l("actionDone")}: ${quote(c.task)}${c.doneOn ? ` (${date(c.doneOn)})` : ""}`;
    case "action-dropped":
      return `${l("actionDropped")}: ${quote(c.task)}`;
    case "action-reopened":
      return `${l("actionReopened")}: ${quote(c.task)}`;
    case "action-reworded":
      return `${l("reworded")}: ${quote(c.from)} → ${quote(c.to)}`;
    case "owner-changed":
      return `${l("owner")} ${quote(c.task)}: ${who(c.from) ?? l("nobody")} → ${who(c.to) ?? words.strong(l("nobody"))}`;
    case "due-moved":
      return `${l("dueMoved")} ${quote(c.task)}: ${date(c.from)} → ${date(c.to)}${c.days !== undefined ? ` (${day(c.days)})` : ""}`;
    case "next-meeting-set":
      return `${l("nextSet")}: ${date(c.date)}${c.time ? `, ${c.time}` : ""}`;
    case "next-meeting-moved":
      return `${l("nextMoved")}: ${date(c.from)}${c.fromTime ? ` ${c.fromTime}` : ""} → ${date(c.to)}${c.toTime ? ` ${c.toTime}` : ""}${c.days ? ` (${day(c.days)})` : ""}`;
    case "next-meeting-removed":
      return `${words.strong(l("nextRemoved"))} (${date(c.date)})`;
    case "meeting-recorded":
      return `${l("meetingRecorded")}: ${date(c.from)} → ${date(c.to)}${c.time ? `, ${c.time}` : ""}`;
    case "protocol-sent":
      return `${l("sent")} ${date(c.date)}`;
    case "list-line-added":
      return `${say(language, { key: `list.${c.list}` as CatalogueKey })}, ${l("lineAdded")}: ${quote(c.text)}`;
    case "list-line-removed":
      return `${say(language, { key: `list.${c.list}` as CatalogueKey })}, ${l("lineRemoved")}: ${quote(c.text)}`;
  }
}

/** Markdown for a pull-request comment or job summary; each deal in its own language. */
export function formatDiffMarkdown(diffs: readonly DealDiff[], range: string, siteLanguage: Language): string {
  if (diffs.length === 0) return `${text(siteLanguage, "diff.none")} (${codeSpan(range)})\n`;
  const blocks = [`### protokoll diff ${codeSpan(range)}`];
  for (const diff of diffs) {
    const language = diff.language;
    const l = (key: DiffKey) => say(language, { key: `diff.${key}` });
    const title = (code: string) => say(language, { key: `title.${code as FindingCode}` });
    // Findings in the diff are already worded in the deal's language (diff-deals.ts).
    const message = (f: { message: string }) => inlineText(f.message);
    // The finding's mark as the index and the deal page show it: symbol and word ("◆ Warnung").
    const mark = (m: Mark) => `${MARK_ICON[m]} ${say(language, { key: `level_${m}` })}`;
    const tags = [
      diff.kind === "added"
        ? l("added")
        : diff.kind === "removed"
          ? l("removed")
          : diff.kind === "renamed"
            ? `${l("renamed")} ${codeSpan(diff.from ?? "")}`
            : undefined,
      diff.invalid.base ? l("invalidBase") : undefined,
      diff.invalid.head ? l("invalidHead") : undefined,
    ].filter(Boolean);
    const lines = [
      // File names are deal text too: in a code span whose fence no backtick of theirs can close.
      `#### ${diff.title ? inlineText(diff.title) : codeSpan(diff.file)} — ${codeSpan(diff.file)}${tags.length ? ` (${tags.join(", ")})` : ""}`,
    ];
    const describe = (c: Change) => describeChange(c, language, { text: inlineText, strong: (x) => `**${x}**` });
    for (const change of diff.changes) lines.push(`- ${describe(change)}`);
    if (diff.findings.introduced.length > 0) {
      lines.push(`- ${l("introduced")}:`);
      for (const f of diff.findings.introduced)
        lines.push(`  - ${mark(f.mark)} ${title(f.code)} (\`${f.code}\`, ${codeSpan(`${f.file}:${f.line}`)}): ${message(f)}`);
    }
    if (diff.findings.changed.length > 0) {
      lines.push(`- ${l("changedFindings")}:`);
      for (const { from, to } of diff.findings.changed)
        lines.push(
          `  - ${mark(to.mark)} ${title(to.code)} (\`${to.code}\`, ${codeSpan(`${to.file}:${to.line}`)}): ${message(from)} → ${message(to)}`,
        );
    }
    if (diff.findings.resolved.length > 0) {
      lines.push(`- ${l("resolved")}:`);
      for (const f of diff.findings.resolved) lines.push(`  - ✔ ${mark(f.mark)} ${title(f.code)} (\`${f.code}\`): ${message(f)}`);
    }
    blocks.push(lines.join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
