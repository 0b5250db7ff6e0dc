// `<slug>-follow-up.eml`: while `follow-up-due` holds, the short re-engagement draft of the step due (seeds 000,
// 001, 004) — a friendly reminder, why it matters, one question answered in a word, or whether to close the topic.
import { createHash } from "node:crypto";
import type { Config } from "../config/load-config.js";
import type { Finding } from "../errors.js";
import { date as dateArg, type Phrase, t } from "../i18n/translate.js";
import type { Deal, EscalationStepName } from "../model/deal.js";
import { ownerKey } from "../model/owner-directory.js";
import { recapParties, senderAddress } from "../model/recap-parties.js";
import { inlineMarkdownToText } from "../render/markdown.js";
import { dayNumber, type PlainDate } from "../time/plain-date.js";
import { greetingLine } from "./greeting.js";
import { bodyText, composeDraft, headerText, messageId } from "./mail-headers.js";
import { greeted, signatureLines } from "./recap-mail.js";

const STEPS: readonly EscalationStepName[] = ["reminder", "importance", "question", "close"];

/**
 * The step a `follow-up-due` finding names: its message says it (`{step}` is the phrase `step.<name>`). Read from
 * the finding, not worked out again, so the draft and the finding can never disagree.
 */
export function followUpStep(finding: Finding): EscalationStepName | undefined {
  if (finding.code !== "follow-up-due") return undefined;
  const step = finding.problem.params?.step as Phrase | undefined;
  const name = step?.key?.replace(/^step\./, "");
  return STEPS.find((s) => s === name);
}

/**
 * The draft's text: greeting, the step's few lines, the signature. `importance` lists the client's open actions
 * and the decisions (what is at stake); `question` is one line; nothing internal — no contact notes, no internal
 * action, nothing of `internal:`.
 */
export function followUpBody(deal: Deal, config: Config, step: EscalationStepName): string {
  const { language } = deal;
  const parties = recapParties(deal, config);
  const du = deal.address === "du";
  const title = headerText(deal.title);
  const lines = [greetingLine(greeted(parties), deal), ""];
  if (step === "reminder") lines.push(t(language, "followUp.reminder", { title }));
  else if (step === "question") lines.push(t(language, du ? "followUp.questionDu" : "followUp.question", { title }));
  else if (step === "close") lines.push(t(language, "followUp.close", { title }));
  else {
    lines.push(t(language, "followUp.importance", { title }));
    const client = new Set(parties.client.map((p) => ownerKey(p.name)));
    const open = deal.actions.filter(
      (a) => a.status === "open" && !a.internal && a.owner !== undefined && client.has(ownerKey(a.owner)),
    );
    if (open.length > 0) {
      lines.push("", t(language, "followUp.open"));
      for (const a of open) {
        const due = a.due ? ` – ${t(language, "mail.by", { date: dateArg(a.due) })}` : "";
        lines.push(`- ${inlineMarkdownToText(a.task)}${due}`);
      }
    } else if (deal.decisions.length > 0) {
      lines.push("", t(language, "followUp.decided"), ...deal.decisions.map((d) => `- ${inlineMarkdownToText(d)}`));
    }
    lines.push("", t(language, du ? "followUp.importanceAskDu" : "followUp.importanceAsk"));
  }
  lines.push("", ...signatureLines(deal, parties));
  return bodyText(lines.join("\n"));
}

/**
 * The re-engagement draft (`X-Unsent: 1`) from the sender to the client's participants with an address, in the
 * deal's language and form of address. Written on `today`: Date and Message-ID derive from the deal, the step and
 * the day, so a rebuild on the same day gives the same bytes.
 */
export async function followUpMail(deal: Deal, config: Config, step: EscalationStepName, today: PlainDate): Promise<Buffer> {
  const parties = recapParties(deal, config);
  const from = senderAddress(parties);
  const to = greeted(parties)
    .filter((p) => p.email && p.email.toLowerCase() !== from.address.toLowerCase())
    .map((p) => ({ name: p.name, address: p.email as string }));
  const seed = createHash("sha256").update(`${deal.slug}\0${step}\0${today}`).digest("hex");
  return composeDraft({
    from,
    to,
    composer: {
      subject: headerText(t(deal.language, `followUp.subject.${step}`, { title: deal.title })),
      text: followUpBody(deal, config, step),
      date: new Date(dayNumber(today) * 86_400_000 + 9 * 3_600_000),
      messageId: messageId(`${deal.slug}.${step}.${today}`, seed),
      baseBoundary: seed.slice(0, 16),
    },
  });
}
