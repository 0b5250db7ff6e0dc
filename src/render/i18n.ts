// The strings live in the catalogue (src/i18n/catalogue.ts); this module keeps the render stage's old imports.
import type { FindingCode } from "../errors.js";
import type { CatalogueKey } from "../i18n/catalogue.js";
import { messages, type Phrase, phrase, say } from "../i18n/translate.js";
import type { Language } from "../time/language.js";

export type { Messages } from "../i18n/translate.js";
export { messages };
export type MessageKey = CatalogueKey;

/** Kinds whose index chip has its own wording with the count (`chip.<code>`); others read "title" or "{n}× title". */
const WORDED_CHIPS: ReadonlySet<FindingCode> = new Set([
  "missing-owner",
  "vague-owner",
  "missing-due",
  "overdue",
  "protocol-late",
  "deal-stale",
]);
/** Kinds whose chip says how bad the worst instance is, in days (`chipDetail.<code>.one|other`). */
const DATED_CHIPS: ReadonlySet<FindingCode> = new Set([
  "overdue",
  "protocol-late",
  "deal-stale",
  "next-meeting-past",
  "follow-up-due",
]);

/** The label of one chip on the index: a finding kind with its count. */
export function chipLabel(code: FindingCode, count: number, language: Language): string {
  if (WORDED_CHIPS.has(code)) return say(language, { key: `chip.${code}` as CatalogueKey, params: { n: count } });
  const title = findingTitle(code, language);
  return count === 1 ? title : say(language, phrase("chip.several", { n: count, title }));
}

/** How bad the worst instance of a kind is: "seit 70 Tagen" / "70 days late"; undefined where days say nothing. */
export function chipDetail(code: FindingCode, days: number | undefined, language: Language): string | undefined {
  if (!DATED_CHIPS.has(code) || days === undefined) return undefined;
  return say(language, { key: `chipDetail.${code}.${days === 1 ? "one" : "other"}` as CatalogueKey, params: { n: days } });
}

/** Short titles of finding codes, for badges and filters. */
export function findingTitle(code: FindingCode, language: Language): string {
  return say(language, { key: `title.${code}` });
}

/** Messages of `protokoll init` and `protokoll doctor` in `language`, from the catalogue (`init.*`, `doctor.*`). */
export function cliMessages(language: Language) {
  const w = (key: CatalogueKey, params?: Phrase["params"]) => say(language, params ? { key, params } : { key });
  const list = (items: string[]) => items.join(", ");
  const init = {
    created: (file: string) => w("init.created", { file }),
    leftAlone: (file: string, why: string) => w("init.leftAlone", { file, why }),
    exists: w("init.exists"),
    complete: w("init.complete"),
    hasDeals: w("init.hasDeals"),
    packageMerged: (added: string[], kept: string[]) =>
      w("init.packageMerged", { added: list(added), kept: kept.length ? phrase("init.keptSuffix", { list: list(kept) }) : "" }),
    packageKept: (kept: string[]) => w("init.packageKept", { list: list(kept) }),
    packageDescription: w("init.packageDescription"),
    nothingToDo: w("init.nothingToDo"),
    next: (dir: string) => w("init.next", { cd: dir === "." ? "" : `cd ${dir} && ` }),
    commit: (files: string[]) => w("init.commit", { files: list(files) }),
    tarballOutside: (tarball: string, name: string) => w("init.tarballOutside", { tarball, name }),
    unknownCi: (ci: string) => phrase("init.unknownCi", { ci }),
    unknownCiHint: phrase("init.unknownCiHint"),
    badPackageJson: phrase("init.badPackageJson"),
    badPackageJsonHint: phrase("init.badPackageJsonHint"),
    isLink: (link: string) => w("init.isLink", { link }),
    notAFile: w("init.notAFile"),
  };
  const doctor = {
    title: w("doctor.title"),
    node: "Node.js",
    protokoll: "protokoll",
    browser: w("doctor.browser"),
    fonts: w("doctor.fonts"),
    git: "git",
    notFound: w("doctor.notFound"),
    sources: {
      PUPPETEER_EXECUTABLE_PATH: w("doctor.source.env"),
      config: w("doctor.source.config"),
      system: w("doctor.source.system"),
      "puppeteer-cache": w("doctor.source.cache"),
    } as Record<string, string>,
    fontsLine: (bundled: string, system: number) => w("doctor.fontsLine", { bundled, system }),
    missingNamed: (path: string) => w("doctor.missingNamed", { path }),
    fix: w("doctor.fix"),
    nodeTooOld: (needed: string) => w("doctor.nodeTooOld", { needed }),
    gitMissing: w("doctor.gitMissing"),
    allGood: w("doctor.allGood"),
    problems: w("doctor.problems"),
    sender: w("doctor.sender"),
    senderMissing: (address: string) => w("doctor.senderMissing", { address }),
  };
  return { init, doctor };
}

/** Why the output cannot be written (ENOSPC, EDQUOT, EROFS), in the reader's language. */
const diskFullReasons: Record<Language, Record<string, string>> = {
  de: {
    ENOSPC: "der Datenträger ist voll",
    EDQUOT: "das Speicherkontingent ist erschöpft",
    EROFS: "das Dateisystem ist schreibgeschützt",
  },
  en: {
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "the file system is read-only",
  },
};

/** The one message of a build that cannot write its output: what happened, what is left, the remedy. */
export function diskFullMessage(code: string, file: string | undefined, language: Language): { message: string; hint: string } {
  const reason = diskFullReasons[language][code] ?? code;
  const where = file ? ` (${file})` : "";
  return language === "de"
    ? {
        message: `Die Ausgabe konnte nicht geschrieben werden: ${reason}${where}. Nichts ist halb geschrieben: jede Datei ist entweder die bisherige oder vollständig die neue.`,
        hint: "Schaffen Sie Platz oder bauen Sie mit --out in einen anderen Ordner, dann bauen Sie erneut; der nächste Build ergänzt, was fehlt.",
      }
    : {
        message: `The output could not be written: ${reason}${where}. Nothing is half-written: every file is either its previous version or complete in its new one.`,
        hint: "Free some space or build into another folder with --out, then build again; the next build completes what is missing.",
      };
}

/** Strings of the weekly review and the trend charts (`review.*` in the catalogue), some with their values. */
export function reviewMessages(language: Language) {
  const w = (key: CatalogueKey, params?: Phrase["params"]) => say(language, params ? { key, params } : { key });
  const plain = (name: string) => w(`review.${name}` as CatalogueKey);
  // A calendar week as a person reads it ("KW 47/2026"); the ISO form (2026-W47) stays in URLs and data.
  const weekLabel = (week: string) => {
    const [year, n] = week.split("-W");
    return n ? w("review.weekLabel", { n: Number(n), year: year ?? "", iso: week }) : week;
  };
  return {
    weekLabel,
    level: (mark: string) => w(`level_${mark}` as CatalogueKey),
    weekShort: (week: string) => w("review.weekShort", { n: Number(week.split("-W")[1] ?? 0) }),
    title: (week: string) => w("review.title", { week: weekLabel(week) }),
    internal: plain("internal"),
    asOf: (date: string) => w("review.asOf", { date }),
    measures: plain("measures"),
    onTime: plain("onTime"),
    goal: plain("goal"),
    overdue: plain("overdue"),
    moved: plain("moved"),
    open: plain("open"),
    overdueActions: plain("overdueActions"),
    newThisWeek: plain("newThisWeek"),
    dueNextWeek: plain("dueNextWeek"),
    doneLate: plain("doneLate"),
    movedOften: plain("movedOften"),
    wentStale: plain("wentStale"),
    lostNextMeeting: plain("lostNextMeeting"),
    followUpsDue: plain("followUpsDue"),
    decisionsDue: plain("decisionsDue"),
    lessons: plain("lessons"),
    nothing: plain("nothing"),
    nobody: plain("nobody"),
    due: (date: string) => w("review.due", { date }),
    doneOn: (date: string, due: string) => w("review.doneOn", { date, due }),
    times: (n: number) => w("review.times", { n }),
    subject: (week: string, company?: string) =>
      w("review.subject", { week: weekLabel(week), company: company ? ` – ${company}` : "" }),
    greeting: plain("greeting"),
    intro: plain("intro"),
    closing: plain("closing"),
    link: plain("link"),
    trends: plain("trends"),
    trendOnTime: plain("trendOnTime"),
    trendOverdue: plain("trendOverdue"),
    trendMoved: plain("trendMoved"),
    trendCommitments: plain("trendCommitments"),
    commitmentSummary: plain("commitmentSummary"),
    commitmentDeal: plain("commitmentDeal"),
    commitmentWindow: plain("commitmentWindow"),
    commitmentState: plain("commitmentState"),
    commitmentRunning: plain("commitmentRunning"),
    commitmentKept: plain("commitmentKept"),
    commitmentMissed: plain("commitmentMissed"),
    commitmentMissedExit: (option: string) => w("review.commitmentMissedExit", { option }),
    week: plain("week"),
    rate: plain("rate"),
    measured: plain("measured"),
    kept: plain("kept"),
    count: plain("count"),
    noData: plain("noData"),
    trendsNone: plain("trendsNone"),
    chartSummary: (first: string, last: string) => w("review.chartSummary", { first, last }),
    reviewLink: plain("reviewLink"),
    pastTitle: plain("pastTitle"),
    pastFirst: plain("pastFirst"),
    pastPdf: plain("pastPdf"),
  };
}

export type ReviewMessages = ReturnType<typeof reviewMessages>;
