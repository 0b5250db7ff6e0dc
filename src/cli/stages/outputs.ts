import type { Output } from "./output.js";
import { calendarOutput } from "./outputs/calendar-output.js";
import { followUpOutput } from "./outputs/follow-up-output.js";
import { invitationOutput } from "./outputs/invitation-output.js";
import { mailOutput } from "./outputs/mail-output.js";
import { pdfOutput } from "./outputs/pdf-output.js";
import { reportOutput } from "./outputs/report-output.js";
import { siteOutput } from "./outputs/site-output.js";

/**
 * Everything a build writes, in the order it is written: the PDFs first (their findings show on the site), the
 * site, then the files that link or attach what came before. A new format is one file in outputs/ and one line
 * here.
 */
export const OUTPUTS: readonly Output[] = [
  pdfOutput,
  siteOutput,
  calendarOutput,
  invitationOutput,
  mailOutput,
  followUpOutput,
  reportOutput,
];

/** The file names every output writes in a deal's folder. */
export function dealFilesOf(outputs: readonly Output[]): (slug: string) => string[] {
  return (slug) => outputs.flatMap((output) => output.dealFiles?.(slug) ?? []);
}
