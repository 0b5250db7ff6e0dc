import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { date as dateArg, messages, t as text } from "../i18n/translate.js";
import type { Deal } from "../model/deal.js";
import { formatDate, formatTime, formatWeekday } from "../time/format-date.js";
import { dayNumber } from "../time/plain-date.js";

/** One header line: no CR/LF (no header injection), no control characters. */
const header = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

/** Markdown to readable plain text for the mail body: keep the words, drop the markup. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, "$1 ($2)")
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, "$2")
    .replace(/^#+\s*/gm, "")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/** The subject of the recap mail: "Protokoll: <title> – <meeting date>". */
export function recapSubject(deal: Deal): string {
  return header(text(deal.language, "mail.subject", { title: deal.title, date: dateArg(deal.meeting.date) }));
}

/** The plain-text body: greeting, decisions, who does what by when, next appointment. Nothing internal. */
export function recapBody(deal: Deal, company: string | undefined, attached: boolean): string {
  const t = messages(deal.language);
  const language = deal.language;
  const date = dateArg(deal.meeting.date);
  const lines: string[] = [text(language, "mail.greeting"), ""];
  lines.push(text(language, attached ? "mail.thanksAttached" : "mail.thanks", { date }), "");
  if (deal.decisions.length > 0) {
    lines.push(`${t.decisions}:`, ...deal.decisions.map((d) => `- ${plainText(d)}`), "");
  }
  const actions = deal.actions.filter((a) => a.status === "open");
  if (actions.length > 0) {
    lines.push(`${t.actions}:`);
    for (const a of actions) {
      lines.push(
        `- ${plainText(a.task)} – ${a.owner ?? t.nobody} – ${a.due ? text(language, "mail.by", { date: dateArg(a.due) }) : t.noDate}`,
      );
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
  if (company) lines.push(company);
  return `${lines.join("\n")}\n`;
}

/**
 * The recap as an RFC 5322 draft with the PDF attached, marked `X-Unsent: 1` so mail clients open it for
 * editing. To: every participant with an e-mail address. Byte-identical on rebuild: Date, Message-ID and the
 * MIME boundary derive from the deal, not from the clock or randomness.
 */
export async function recapMail(deal: Deal, options: { company?: string; pdf?: Uint8Array }): Promise<Buffer> {
  const to = deal.participants.filter((p) => p.email).map((p) => ({ name: header(p.name), address: header(p.email ?? "") }));
  const seed = createHash("sha256").update(`${deal.slug}\0${deal.asOf}`).digest("hex");
  const composer = new MailComposer({
    to,
    subject: recapSubject(deal),
    text: recapBody(deal, options.company, Boolean(options.pdf)),
    date: new Date(dayNumber(deal.asOf) * 86_400_000 + 9 * 3_600_000),
    messageId: `<${deal.slug}.${deal.asOf}@protokoll>`,
    baseBoundary: seed.slice(0, 16),
    headers: { "X-Unsent": "1" },
    attachments: options.pdf
      ? [{ filename: `${deal.slug}.pdf`, content: Buffer.from(options.pdf), contentType: "application/pdf" }]
      : [],
    textEncoding: "quoted-printable",
  } as ConstructorParameters<typeof MailComposer>[0] & { baseBoundary: string });
  return composer.compile().build();
}
