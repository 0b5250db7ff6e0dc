import { createHash } from "node:crypto";
import type { Config } from "../config/load-config.js";
import { date as dateArg, messages, t as text } from "../i18n/translate.js";
import { openActions } from "../model/actions.js";
import type { Deal } from "../model/deal.js";
import { type RecapParties, recapParties, senderAddress } from "../model/recap-parties.js";
import { inlineMarkdownToText, markdownToText } from "../render/markdown.js";
import { sortActions } from "../render/print-view.js";
import { formatDate, formatTime, formatWeekday } from "../time/format-date.js";
import { dayNumber } from "../time/plain-date.js";
import { greetingLine } from "./greeting.js";
import { bodyText, composeDraft, headerText, messageId } from "./mail-headers.js";

/** The subject of the recap mail: "Protokoll: <title> – <meeting date>", prefixed while it is a draft. */
export function recapSubject(deal: Deal, draft = false): string {
  const subject = text(deal.language, "mail.subject", { title: deal.title, date: dateArg(deal.meeting.date) });
  return headerText(`${draft ? `[${messages(deal.language).draftMark}] ` : ""}${subject}`);
}

/** Who the greeting names: the client's side the mail goes to (with an address), else the client's side. */
export function greeted(parties: RecapParties): RecapParties["client"] {
  const sender = (parties.sender?.email ?? "").toLowerCase();
  const addressed = parties.client.filter((p) => p.email && p.email.toLowerCase() !== sender);
  return addressed.length > 0 ? addressed : parties.client;
}

/**
 * The plain-text body: greeting, summary, decisions, who does what by when, next appointment, and the
 * sender's signature. Markdown becomes text through markdown-it's tokens (the same parse as the PDF); missing
 * owners or dates are left out, never marked. Nothing internal.
 */
export function recapBody(deal: Deal, parties: RecapParties, attached: boolean): string {
  const t = messages(deal.language);
  const language = deal.language;
  const date = dateArg(deal.meeting.date);
  const lines: string[] = [greetingLine(greeted(parties), deal), ""];
  const thanks = attached ? (deal.address === "du" ? "mail.thanksAttachedDu" : "mail.thanksAttached") : "mail.thanks";
  lines.push(text(language, thanks, { date }), "");
  const summary = markdownToText(deal.summary);
  if (summary) lines.push(`${t.summary}:`, summary, "");
  if (deal.decisions.length > 0) {
    lines.push(`${t.decisions}:`, ...deal.decisions.map((d) => `- ${inlineMarkdownToText(d)}`), "");
  }
  const actions = sortActions(openActions(deal).filter((a) => !a.internal));
  if (actions.length > 0) {
    lines.push(`${t.actions}:`);
    for (const a of actions) {
      const parts = [
        inlineMarkdownToText(a.task),
        a.owner,
        a.due ? text(language, "mail.by", { date: dateArg(a.due) }) : undefined,
      ];
      lines.push(`- ${parts.filter(Boolean).join(" – ")}`);
    }
    lines.push("");
  }
  const next = deal.nextMeeting;
  if (next) {
    const when = `${formatWeekday(next.date, deal.language)} ${formatDate(next.date, deal.language)}${next.time ? `, ${formatTime(next.time, deal.language)}` : ""}`;
    lines.push(
      `${t.nextMeeting}: ${when}${next.place ? `, ${next.place}` : ""}${next.duration ? ` (${next.duration} ${t.minutes})` : ""}`,
      "",
    );
  }
  lines.push(...signatureLines(deal, parties));
  return bodyText(lines.join("\n"));
}

/** "Viele Grüße", the sender's name, role, company, phone and address: the end of every mail to the client. */
export function signatureLines(deal: Deal, parties: RecapParties): string[] {
  const lines = [text(deal.language, "mail.regards")];
  const sender = parties.sender;
  if (sender) {
    lines.push(sender.name);
    if (sender.role) lines.push(sender.role);
  }
  if (parties.company) lines.push(parties.company);
  if (sender?.phone) lines.push(`${messages(deal.language).tel} ${sender.phone}`);
  if (sender?.email) lines.push(sender.email);
  return lines;
}

/**
 * The recap as an RFC 5322 draft with the PDF attached, marked `X-Unsent: 1` so mail clients open it for
 * editing. From: the sender. To: the client's participants with an e-mail address; Cc: our other participants
 * (colleagues who were there see what was sent); the sender is in neither. A recap that is not ready to send
 * is still written, with "[ENTWURF – nicht versenden]" before its subject, like its PDF, and without invitation.
 *
 * With `invite` (the deal's `<slug>-invite.ics`, iTIP REQUEST) and ready to send, the mail is an iMIP message
 * (RFC 6047): the invitation as a `text/calendar; method=REQUEST` alternative to the text, which mail clients
 * show with Accept/Decline, and the same file attached for those that do not.
 *
 * Byte-identical on rebuild: Date, Message-ID and the MIME boundary derive from the deal, not from the clock.
 */
export async function recapMail(
  deal: Deal,
  options: { config: Config; pdf?: Uint8Array | undefined; draft?: boolean; invite?: string | undefined },
): Promise<Buffer> {
  const parties = recapParties(deal, options.config);
  const from = senderAddress(parties);
  const same = (address: string | undefined) => address?.toLowerCase() === from.address.toLowerCase();
  const recipients = (people: RecapParties["client"]) =>
    people.filter((p) => p.email && !same(p.email)).map((p) => ({ name: p.name, address: p.email as string }));
  const seed = createHash("sha256").update(`${deal.slug}\0${deal.asOf}`).digest("hex");
  const invite = options.invite && !options.draft ? options.invite : undefined;
  return composeDraft({
    from,
    to: recipients(parties.client),
    cc: recipients(parties.ours),
    composer: {
      subject: recapSubject(deal, options.draft),
      text: recapBody(deal, parties, Boolean(options.pdf)),
      date: new Date(dayNumber(deal.asOf) * 86_400_000 + 9 * 3_600_000),
      messageId: messageId(`${deal.slug}.${deal.asOf}`, seed),
      baseBoundary: seed.slice(0, 16),
      attachments: options.pdf
        ? [{ filename: `${deal.slug}.pdf`, content: Buffer.from(options.pdf), contentType: "application/pdf" }]
        : [],
      ...(invite ? { icalEvent: { method: "REQUEST", content: invite, filename: `${deal.slug}-invite.ics` } } : {}),
    },
  });
}
