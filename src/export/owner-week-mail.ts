import { createHash } from "node:crypto";
import type { Config } from "../config/load-config.js";
import { date as dateArg, say, t } from "../i18n/translate.js";
import type { Deal } from "../model/deal.js";
import { configSenderAddress } from "../model/recap-parties.js";
import type { IsoWeek } from "../time/iso-week.js";
import { weekEnd, weekStart } from "../time/iso-week.js";
import type { Language } from "../time/language.js";
import { dayNumber, type PlainDate } from "../time/plain-date.js";
import { bodyText, composeDraft, headerText, messageId } from "./mail-headers.js";
import type { OwnerWeek, WeekItem } from "./owner-week.js";

/** Deal text on one line: nothing deal-made can start a line of its own. */
const flat = (text: string) => headerText(text);

/** `https://site/deals/<slug>/` when the configuration names the site's address. */
export function dealLink(config: Config, deal: Deal): string | undefined {
  return config.siteUrl ? `${config.siteUrl}deals/${encodeURIComponent(deal.slug)}/` : undefined;
}

/** The owner's week as plain text: their actions by urgency, then the follow-ups, each with deal and link. */
export function ownerWeekText(week: OwnerWeek, context: WeekContext): string {
  const { language, config } = context;
  const first = week.name.trim().split(/\s+/)[0] ?? week.name;
  const lines = [
    t(language, "ownerWeek.greeting", { name: flat(first) }),
    "",
    t(language, "ownerWeek.intro", {
      week: context.week,
      from: dateArg(weekStart(context.week)),
      to: dateArg(weekEnd(context.week)),
      today: dateArg(context.today),
    }),
  ];
  const item = ({ deal, action }: WeekItem) => {
    const due = action.due ? ` – ${t(language, "ownerWeek.due", { date: dateArg(action.due) })}` : "";
    const link = dealLink(config, deal);
    return [`- ${flat(action.task)} – ${flat(`${deal.customer}: ${deal.title}`)}${due}`, ...(link ? [`  ${link}`] : [])];
  };
  for (const [key, items] of [
    ["ownerWeek.overdue", week.overdue],
    ["ownerWeek.dueThisWeek", week.dueThisWeek],
    ["ownerWeek.dueNextWeek", week.dueNextWeek],
  ] as const) {
    if (items.length > 0) lines.push("", `${t(language, key)}:`, ...items.flatMap(item));
  }
  if (week.followUps.length > 0) {
    lines.push("", `${t(language, "ownerWeek.followUps")}:`);
    for (const { deal, problem } of week.followUps) {
      const link = dealLink(config, deal);
      lines.push(
        `- ${flat(`${deal.customer}: ${deal.title}`)} – ${flat(say(language, problem))}`,
        ...(link ? [`  ${link}`] : []),
      );
    }
  }
  lines.push("", t(language, "ownerWeek.internal"));
  return bodyText(lines.join("\n"));
}

export interface WeekContext {
  language: Language;
  config: Config;
  week: IsoWeek;
  today: PlainDate;
}

/**
 * One owner's week as an RFC 5322 draft from the configured sender to the owner (`X-Unsent: 1`). Internal: it
 * goes to one person of the team, never to a client. Date, Message-ID and boundary derive from the week, the
 * owner and the content, so running it twice on one day gives the same bytes.
 */
export async function ownerWeekMail(week: OwnerWeek, context: WeekContext): Promise<Buffer> {
  const { language, config } = context;
  const text = ownerWeekText(week, context);
  const seed = createHash("sha256").update(`${week.slug}\0${text}`).digest("hex");
  return composeDraft({
    from: configSenderAddress(config),
    to: [{ name: week.name, address: week.email }],
    composer: {
      subject: headerText(t(language, "ownerWeek.subject", { week: context.week })),
      text,
      date: new Date(dayNumber(context.today) * 86_400_000 + 7 * 3_600_000),
      messageId: messageId(`week.${context.week}.${week.slug}.${seed.slice(0, 8)}`, seed),
      baseBoundary: seed.slice(0, 16),
    },
  });
}
