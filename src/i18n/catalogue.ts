/**
 * The catalogue: every string a person reads — site, PDF, mail, calendar, diff, CLI output, findings, schema
 * errors, `--help` — keyed, in German (`de`, the default) and English (`en`). Nothing user-visible is written
 * anywhere else. This module sits below every stage (it imports nothing from src/ outside src/i18n), so load,
 * validate, findings, render, export, diff and cli all use it. The strings live by area in `./catalogue/`, each
 * area's `de` and `en` side by side; this module merges them.
 *
 * How to add a string:
 *   1. Add the key to `de` in the area file it belongs to (keys are `area.name`; a finding's are `<code>.message`
 *      and `<code>.hint` in `findings.ts`; a finding's short title is `title.<code>`).
 *   2. Add the same key to `en` in the same file. Until you do, `npm run typecheck` fails (each area's `en` must
 *      have exactly the keys of its `de`) and so does test/i18n/catalogue.test.ts.
 *   3. Placeholders are `{name}`: `t(language, "key", { name })` or `phrase("key", { name })` from
 *      `./translate.js`; the compiler checks that every placeholder gets a value. A value may be text, a
 *      number, `date("2026-11-20")` (written `20.11.2026` / `20 Nov 2026`) or another phrase. Plurals are two
 *      keys `<base>.one` / `<base>.other`, picked with `plural(n, "<base>")`. Braces appear only as placeholders.
 *   4. Findings and errors carry phrases, not text: `finding(code, file, at, phrase(…), phrase(…))`,
 *      `new ProtokollError(phrase(…), phrase(…))`; each sink words them in its reader's language
 *      (`wordFinding(f, language)` in src/errors.ts).
 * A new area is a new file of the same shape, added to `de`, `en` and `Areas` below.
 */
import * as cli from "./catalogue/cli.js";
import * as config from "./catalogue/config.js";
import * as dealFile from "./catalogue/deal-file.js";
import * as diff from "./catalogue/diff.js";
import * as findings from "./catalogue/findings.js";
import * as followUp from "./catalogue/follow-up.js";
import * as form from "./catalogue/form.js";
import * as help from "./catalogue/help.js";
import * as mail from "./catalogue/mail.js";
import * as pdf from "./catalogue/pdf.js";
import * as plurals from "./catalogue/plurals.js";
import * as protocol from "./catalogue/protocol.js";
import * as review from "./catalogue/review.js";
import * as schema from "./catalogue/schema.js";
import * as setup from "./catalogue/setup.js";
import * as site from "./catalogue/site.js";

export const de = {
  ...protocol.de,
  ...site.de,
  ...findings.de,
  ...plurals.de,
  ...dealFile.de,
  ...schema.de,
  ...config.de,
  ...cli.de,
  ...pdf.de,
  ...diff.de,
  ...mail.de,
  ...setup.de,
  ...help.de,
  ...review.de,
  ...followUp.de,
  ...form.de,
} as const;

export type CatalogueKey = keyof typeof de;

export const en = {
  ...protocol.en,
  ...site.en,
  ...findings.en,
  ...plurals.en,
  ...dealFile.en,
  ...schema.en,
  ...config.en,
  ...cli.en,
  ...pdf.en,
  ...diff.en,
  ...mail.en,
  ...setup.en,
  ...help.en,
  ...review.en,
  ...followUp.en,
  ...form.en,
} as const satisfies Record<CatalogueKey, string>;

/** Both languages; `en` has exactly the keys of `de`. */
export const catalogue = { de, en } as const;

/** The areas' German strings, each once: what the checks below compare. */
type Areas = [
  typeof protocol.de,
  typeof site.de,
  typeof findings.de,
  typeof plurals.de,
  typeof dealFile.de,
  typeof schema.de,
  typeof config.de,
  typeof cli.de,
  typeof pdf.de,
  typeof diff.de,
  typeof mail.de,
  typeof setup.de,
  typeof help.de,
  typeof review.de,
  typeof followUp.de,
  typeof form.de,
];
type KeysOfAny<T> = T extends unknown ? keyof T : never;
/** Keys that two areas both have. */
type SharedKeys<List extends readonly unknown[]> = List extends readonly [infer First, ...infer Rest]
  ? (keyof First & KeysOfAny<Rest[number]>) | SharedKeys<Rest>
  : never;
/** Fails to compile, naming the keys, unless there are none. */
type None<Keys extends never> = Keys;

/**
 * What merging areas could get wrong and the compiler rejects, as a literal object did before the split (each
 * area's `en` is checked against its `de` where it is written, and the merged `en` against `de` above).
 */
export type CatalogueChecks = [
  // A key in two areas: the later one's text would silently win.
  None<SharedKeys<Areas>>,
  // An area merged into `de` but missing from Areas, so the check above would not see it.
  None<Exclude<CatalogueKey, KeysOfAny<Areas[number]>>>,
  // A key only in English: `satisfies` does not look at the keys spread areas bring.
  None<Exclude<keyof typeof en, CatalogueKey>>,
];
