// Mail as a sink (RFC 5322, RFC 2047): the one place that escapes deal text for headers and plain-text bodies,
// folds long header lines, and puts the address headers before what nodemailer's composer writes.
import MailComposer from "nodemailer/lib/mail-composer";
import { encodeWord } from "nodemailer/lib/mime-funcs";
import type { MailAddress } from "../model/recap-parties.js";

/** C0 and C1 controls but tab and line feed, DEL, and the Unicode line/paragraph separators. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Body text: controls (ESC sequences, CR, NUL, …) removed, CRLF line ends, a final line end. */
export function bodyText(text: string): string {
  const clean = text.replace(/\r\n?/g, "\n").replace(CONTROLS, "");
  return `${clean.replace(/\n/g, "\r\n")}\r\n`;
}

/** One header line: no CR/LF (no header injection), no control characters. */
export const headerText = (text: string) =>
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

/** RFC 5322 §2.1.1: a line SHOULD be no more than 78 characters. */
const LINE = 78;

/**
 * Folds a header field (`Name: value`, unfolded) at its spaces so that no line is longer than 78 characters
 * where a space allows it (RFC 5322 §2.2.3): CRLF goes before the space, which unfolding keeps. A word longer
 * than a line stays whole — a header line may be up to 998 characters.
 */
export function foldHeader(field: string): string {
  const words = field.split(" ");
  const lines: string[] = [];
  // The field name stays with the first word of its value: "Message-ID:" alone on a line folds nothing.
  let current = words.length > 1 ? `${words.shift()} ${words.shift()}` : (words.shift() ?? "");
  for (const word of words) {
    if (current.length + 1 + word.length > LINE) {
      lines.push(current);
      current = ` ${word}`;
    } else current += ` ${word}`;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** An address header with one or more addresses, folded (each address on its own line when they do not fit). */
export function addressHeader(name: "From" | "To" | "Cc", addresses: readonly MailAddress[]): string {
  return foldHeader(`${name}: ${addresses.map(formatAddress).join(", ")}`);
}

/** What a draft needs besides its body: the composer's options, and its senders and recipients. */
export interface DraftParts {
  from: MailAddress;
  to?: readonly MailAddress[];
  cc?: readonly MailAddress[];
  composer: ConstructorParameters<typeof MailComposer>[0] & { baseBoundary: string };
}

/**
 * An RFC 5322 draft (`X-Unsent: 1`: mail clients open it for editing): From, To and Cc written here, folded;
 * the subject, Date, Message-ID, MIME structure and quoted-printable body by nodemailer's composer. CRLF on every
 * line.
 */
export async function composeDraft(parts: DraftParts): Promise<Buffer> {
  const composer = new MailComposer({
    headers: { "X-Unsent": "1" },
    textEncoding: "quoted-printable",
    newline: "windows",
    ...parts.composer,
  } as DraftParts["composer"]);
  const message = await composer.compile().build();
  const addresses = [addressHeader("From", [parts.from])];
  if (parts.to && parts.to.length > 0) addresses.push(addressHeader("To", parts.to));
  if (parts.cc && parts.cc.length > 0) addresses.push(addressHeader("Cc", parts.cc));
  // nodemailer ends lines with CRLF; make sure no lone LF survives in a header or the body.
  const body = Buffer.from(message.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1");
  return Buffer.concat([Buffer.from(`${addresses.join("\r\n")}\r\n`, "latin1"), body]);
}

/** `<local@protokoll>` with a local part short enough that the Message-ID line stays within 78 characters. */
export function messageId(local: string, hash: string): string {
  return local.length <= 50 ? `<${local}@protokoll>` : `<${hash.slice(0, 24)}@protokoll>`;
}
