import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { encodeWord } from "nodemailer/lib/mime-funcs";
import type { Config } from "../config/load-config.js";
import { date as dateArg, messages, t as text } from "../i18n/translate.js";
import { openActions } from "../model/actions.js";
import type { Deal } from "../model/deal.js";
import { type MailAddress, type RecapParties, recapParties, senderAddress } from "../model/recap-parties.js";
import { inlineMarkdownToText, markdownToText } from "../render/markdown.js";
import { sortActions } from "../render/print-view.js";
import { formatDate, formatTime, formatWeekday } from "../time/format-date.js";
import { dayNumber } from "../time/plain-date.js";

/** C0 and C1 controls but tab and line feed, DEL, and the Unicode line/paragraph separators. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Body text: controls (ESC sequences, CR, NUL, …) removed; line feeds stay, CRLF is applied at the end. */
const bodyText = (text: string) => text.replace(/\r\n?/g, "\n").replace(CONTROLS, "");

/** One header line: no CR/LF (no header injection), no control characters. */
const headerText = (text: string) =>
  text
    .replace(/[\r\n]+/g, " ")
    .replace(CONTROLS, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * A display name as RFC 5322/2047 want it: plain words as they are, other ASCII as a quoted string, and
 * anything non-ASCII — or anything that looks like an encoded word (`=?utf-8?q?…?=`) — as base64 encoded words
 * of the literal text. A name is data: a client decodes our encoded word back to exactly the characters the
 * deal file has, never into a line break or a second header.
 */
export function encodeDisplayName(name: string): string {
  const clean = headerText(name);
  if (/^[A-Za-z0-9 ]*$/.test(clean)) return clean;
  if (/^[\x20-\x7e]*$/.test(clean) && !clean.includes("=?")) return `"${clean.replace(/(["\\])/g, "\\$1")}"`;
  return encodeWord(clean, "B", 52);
}

/** `Name <address>`, or the bare address without a name. */
export function formatAddress(address: MailAddress): string {
  const name = encodeDisplayName(address.name);
  return name ? `${name} <${headerText(address.address)}>` : `<${headerText(address.address)}>`;
}

/** The subject of the recap mail: "Protokoll: <title> – <meeting date>", prefixed while it is a draft. */
export function recapSubject(deal: Deal, draft = false): string {
  const subject = text(deal.language, "mail.subject", { title: deal.title, date: dateArg(deal.meeting.date) });
  return headerText(`${draft ? `[${messages(deal.language).draftMark}] ` : ""}${subject}`);
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
  const lines: string[] = [text(language, "mail.greeting"), ""];
  lines.push(text(language, attached ? "mail.thanksAttached" : "mail.thanks", { date }), "");
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
  lines.push(text(language, "mail.regards"));
  const sender = parties.sender;
  if (sender) {
    lines.push(sender.name);
    if (sender.role) lines.push(sender.role);
  }
  if (parties.company) lines.push(parties.company);
  if (sender?.phone) lines.push(`${t.tel} ${sender.phone}`);
  if (sender?.email) lines.push(sender.email);
  return `${bodyText(lines.join("\n")).replace(/\n/g, "\r\n")}\r\n`;
}

/**
 * The recap as an RFC 5322 draft with the PDF attached, marked `X-Unsent: 1` so mail clients open it for
 * editing. From: the sender. To: the client's participants with an e-mail address; Cc: our other participants
 * (colleagues who were there see what was sent); the sender is in neither. A recap that is not ready to send
 * is still written, with "[ENTWURF – nicht versenden]" before its subject, like its PDF.
 *
 * The address headers are written here (see {@link encodeDisplayName}); nodemailer's composer writes the
 * subject, the MIME structure, the quoted-printable body with CRLF line ends and the attachment.
 * Byte-identical on rebuild: Date, Message-ID and the MIME boundary derive from the deal, not from the clock.
 */
export async function recapMail(
  deal: Deal,
  options: { config: Config; pdf?: Uint8Array | undefined; draft?: boolean },
): Promise<Buffer> {
  const parties = recapParties(deal, options.config);
  const from = senderAddress(parties);
  const same = (address: string | undefined) => address?.toLowerCase() === from.address.toLowerCase();
  const recipients = (people: RecapParties["client"]) =>
    people.filter((p) => p.email && !same(p.email)).map((p) => ({ name: p.name, address: p.email as string }));
  const to = recipients(parties.client);
  const cc = recipients(parties.ours);
  const seed = createHash("sha256").update(`${deal.slug}\0${deal.asOf}`).digest("hex");
  const composer = new MailComposer({
    subject: recapSubject(deal, options.draft),
    text: recapBody(deal, parties, Boolean(options.pdf)),
    date: new Date(dayNumber(deal.asOf) * 86_400_000 + 9 * 3_600_000),
    messageId: `<${deal.slug}.${deal.asOf}@protokoll>`,
    baseBoundary: seed.slice(0, 16),
    headers: { "X-Unsent": "1" },
    attachments: options.pdf
      ? [{ filename: `${deal.slug}.pdf`, content: Buffer.from(options.pdf), contentType: "application/pdf" }]
      : [],
    textEncoding: "quoted-printable",
    newline: "windows",
  } as ConstructorParameters<typeof MailComposer>[0] & { baseBoundary: string });
  const message = await composer.compile().build();
  const addresses = [`From: ${formatAddress(from)}`];
  if (to.length > 0) addresses.push(`To: ${to.map(formatAddress).join(",\r\n ")}`);
  if (cc.length > 0) addresses.push(`Cc: ${cc.map(formatAddress).join(",\r\n ")}`);
  return Buffer.concat([Buffer.from(`${addresses.join("\r\n")}\r\n`, "latin1"), message]);
}
