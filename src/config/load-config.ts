import { stat } from "node:fs/promises";
import path from "node:path";
import type { FindingCode } from "../errors.js";
import { type Finding, finding } from "../errors.js";
import { type Phrase, phrase } from "../i18n/translate.js";
import { parseYaml } from "../load/parse-yaml.js";
import type { SourceDocument } from "../load/source-document.js";
import { isTimeZone } from "../time/plain-date.js";
import { findControlCharacters } from "../validate/find-control-characters.js";
import { schemas } from "../validate/schemas.js";
import { validateAgainstSchema } from "../validate/validate-against-schema.js";
import { cachedConfig, configKey, rememberConfig } from "./config-cache.js";
import type { ProtokollConfig } from "./config-file.generated.js";
import { readConfigFile, realInside } from "./read-config-file.js";

/** The optional configuration file, looked up in the working directory. */
export const CONFIG_FILE = "protokoll.config.yaml";

/** Image types a logo may have (it is embedded as a data: URI), by file extension. */
export const LOGO_TYPES: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".svg": "image/svg+xml",
};
const LOGO_MAX_BYTES = 512 * 1024;

/** Group words and placeholders that are not a person (German and English). */
export const DEFAULT_VAGUE_OWNERS = [
  "wir",
  "uns",
  "team",
  "abteilung",
  "alle",
  "jeder",
  "jemand",
  "niemand",
  "tbd",
  "tba",
  "n.n.",
  "nn",
  "?",
  "??",
  "offen",
  "unklar",
  "vertrieb",
  "einkauf",
  "kunde",
  "we",
  "us",
  "all",
  "department",
  "everyone",
  "someone",
  "somebody",
  "nobody",
  "todo",
  "tbc",
  "customer",
  "sales",
];

/**
 * The findings that make a recap a draft by default: the practice says every open task has one named person and
 * a date, and the next appointment is fixed, before the recap goes out. Only findings that do not depend on
 * today may be listed (the schema enforces it), so the PDF's draft mark never changes with the date.
 */
export const DEFAULT_SEND_BLOCKERS: readonly FindingCode[] = [
  "missing-owner",
  "vague-owner",
  "missing-due",
  "missing-next-meeting",
];

export interface Config {
  /** The file the configuration came from, if any. */
  file?: string;
  timeZone: string;
  siteLanguage: "de" | "en";
  company: { name?: string; logo?: string };
  /** Who sends recaps when a deal names no `sender:`. */
  sender?: Sender;
  /** `site_url:`: the team site's address, for links in mails (always ending in `/`). */
  siteUrl?: string;
  /** `owners:`: owners' e-mail addresses for the weekly mails, by the name written in `owner:`. */
  owners: readonly { name: string; email: string }[];
  /** Findings that make a recap a draft (see src/findings/send-readiness.ts). */
  sendReady: { blocking: readonly FindingCode[] };
  thresholds: {
    protocolLateDays: number;
    staleDays: number;
    upcomingDays: number;
    duePushedMax: number;
    /** Days overdue after which the index marks an overdue action critical rather than a warning. */
    criticalOverdueDays: number;
    onTimeGoal: number;
    /** The cascade of a deal without its own `escalation:` steps, in ascending days. */
    escalation: readonly { afterDays: number; step: "reminder" | "importance" | "question" | "close" }[];
    /** `deadlines-missed`: this many misses within this many weeks before today. */
    missedDeadlines: { count: number; weeks: number };
  };
  vagueOwners: string[];
  maxFileBytes: number;
  /** `browser:`: the Chrome/Chromium for PDFs, resolved against the config's folder. */
  browser?: string;
}

/** The person a recap comes from: letterhead, mail `From:`, calendar `ORGANIZER`. */
export interface Sender {
  name: string;
  role?: string;
  company?: string;
  phone?: string;
  email?: string;
}

export const DEFAULT_CONFIG: Config = {
  timeZone: "Europe/Berlin",
  siteLanguage: "de",
  company: {},
  owners: [],
  sendReady: { blocking: DEFAULT_SEND_BLOCKERS },
  thresholds: {
    protocolLateDays: 2,
    staleDays: 30,
    upcomingDays: 14,
    duePushedMax: 3,
    criticalOverdueDays: 7,
    onTimeGoal: 0.9,
    escalation: [
      { afterDays: 7, step: "reminder" },
      { afterDays: 14, step: "importance" },
      { afterDays: 21, step: "question" },
      { afterDays: 35, step: "close" },
    ],
    missedDeadlines: { count: 3, weeks: 6 },
  },
  vagueOwners: DEFAULT_VAGUE_OWNERS,
  maxFileBytes: 256 * 1024,
};

/**
 * Reads `protokoll.config.yaml` from `dir` if it exists. The configuration is code, reviewed like code: a
 * broken one stops the build (exit 2) with findings in the same form as deal files. A text found valid before
 * is not parsed again (src/config/config-cache.ts).
 */
export async function loadConfig(
  dir = process.cwd(),
  /** Keep a valid configuration for the next run (`build` does; `check` writes nothing). */
  options: { remember?: boolean } = {},
): Promise<{ config: Config; findings: Finding[] }> {
  const absolute = path.join(dir, CONFIG_FILE);
  const read = await readConfigFile(absolute, dir, CONFIG_FILE);
  if ("missing" in read) return { config: DEFAULT_CONFIG, findings: [] };
  if ("problem" in read) {
    return { config: DEFAULT_CONFIG, findings: [finding("invalid-yaml", CONFIG_FILE, { line: 1, column: 1 }, ...read.problem)] };
  }
  const { text } = read;
  // Parsed and checked against the schema only when this text was not found valid before (config-cache.ts).
  const key = configKey(text);
  const known = await cachedConfig(absolute, key);
  let checked: { data: unknown; source?: SourceDocument };
  if (known) checked = known;
  else {
    const parsed = parseYaml(CONFIG_FILE, text);
    if (!parsed.source || parsed.findings.length > 0) return { config: DEFAULT_CONFIG, findings: parsed.findings };
    if (parsed.data === null || parsed.data === undefined) checked = { data: null };
    else {
      // Company and sender reach every PDF, page and mail: no control character in them, as in a deal.
      const controls = findControlCharacters(parsed.data, parsed.source);
      if (controls.length > 0) return { config: DEFAULT_CONFIG, findings: controls };
      const { data, findings } = validateAgainstSchema(schemas().config, parsed.data, parsed.source);
      if (findings.length > 0) return { config: DEFAULT_CONFIG, findings };
      checked = { data, source: parsed.source };
    }
    if (options.remember) await rememberConfig(absolute, key, checked.data);
  }
  if (checked.data === null || checked.data === undefined)
    return { config: { ...DEFAULT_CONFIG, file: CONFIG_FILE }, findings: [] };
  const raw = checked.data as ProtokollConfig;
  // Where a key is written, for a finding about what it names: from the document, parsed now if it came from the cache.
  const at = (where: string[]) => (checked.source ?? (parseYaml(CONFIG_FILE, text).source as SourceDocument)).valueAt(where);

  const zone = raw.time_zone ?? DEFAULT_CONFIG.timeZone;
  if (!isTimeZone(zone)) {
    return {
      config: DEFAULT_CONFIG,
      findings: [
        finding(
          "invalid-field",
          CONFIG_FILE,
          at(["time_zone"]),
          phrase("config.unknownZone", { zone }),
          phrase("config.unknownZoneHint"),
        ),
      ],
    };
  }

  const logo = raw.company?.logo ? path.resolve(dir, raw.company.logo) : undefined;
  const logoProblem = logo ? await checkLogo(logo, raw.company?.logo ?? "", dir) : undefined;
  if (logoProblem) {
    return {
      config: DEFAULT_CONFIG,
      findings: [finding("invalid-field", CONFIG_FILE, at(["company", "logo"]), ...logoProblem)],
    };
  }

  const t = raw.thresholds ?? {};
  const d = DEFAULT_CONFIG.thresholds;
  const company: Config["company"] = {};
  if (raw.company?.name) company.name = raw.company.name;
  if (logo) company.logo = logo;
  return {
    config: {
      file: CONFIG_FILE,
      timeZone: zone,
      siteLanguage: raw.site_language ?? DEFAULT_CONFIG.siteLanguage,
      company,
      ...(raw.sender ? { sender: raw.sender } : {}),
      ...(raw.site_url ? { siteUrl: raw.site_url.endsWith("/") ? raw.site_url : `${raw.site_url}/` } : {}),
      owners: raw.owners ?? [],
      sendReady: { blocking: (raw.send_ready?.blocking as FindingCode[] | undefined) ?? DEFAULT_SEND_BLOCKERS },
      thresholds: {
        protocolLateDays: t.protocol_late_days ?? d.protocolLateDays,
        staleDays: t.stale_days ?? d.staleDays,
        upcomingDays: t.upcoming_days ?? d.upcomingDays,
        duePushedMax: t.due_pushed_max ?? d.duePushedMax,
        criticalOverdueDays: t.critical_overdue_days ?? d.criticalOverdueDays,
        onTimeGoal: t.on_time_goal ?? d.onTimeGoal,
        escalation: t.escalation
          ? t.escalation.map((s) => ({ afterDays: s.after_days, step: s.step })).sort((a, b) => a.afterDays - b.afterDays)
          : d.escalation,
        missedDeadlines: {
          count: t.missed_deadlines?.count ?? d.missedDeadlines.count,
          weeks: t.missed_deadlines?.weeks ?? d.missedDeadlines.weeks,
        },
      },
      vagueOwners: raw.vague_owners ?? DEFAULT_VAGUE_OWNERS,
      maxFileBytes: (raw.max_file_kb ?? DEFAULT_CONFIG.maxFileBytes / 1024) * 1024,
      ...(raw.browser ? { browser: path.resolve(dir, raw.browser) } : {}),
    },
    findings: [],
  };
}

/** What is wrong with the logo file, as [message, hint], or undefined when it can be embedded. */
async function checkLogo(file: string, written: string, root: string): Promise<[Phrase, Phrase] | undefined> {
  const types = Object.keys(LOGO_TYPES).join(", ");
  if (!LOGO_TYPES[path.extname(file).toLowerCase()])
    return [phrase("config.logoType", { file: written }), phrase("config.logoTypeHint", { types })];
  // Embedded into every page and PDF: never a file from outside the repository (`../outside/secret.svg`).
  if (!(await realInside(file, root)))
    return [phrase("config.logoOutside", { file: written }), phrase("config.logoOutsideHint", { config: CONFIG_FILE })];
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile())
    return [phrase("config.logoMissing", { file: written }), phrase("config.logoMissingHint", { config: CONFIG_FILE })];
  if (info.size > LOGO_MAX_BYTES)
    return [
      phrase("config.logoSize", { file: written, kb: Math.ceil(info.size / 1024), max: LOGO_MAX_BYTES / 1024 }),
      phrase("config.logoSizeHint"),
    ];
  return undefined;
}
