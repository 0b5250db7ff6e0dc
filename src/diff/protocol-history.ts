import path from "node:path";
import type { History, Version } from "../history/read-history.js";
import { git, readBlobs } from "../load/git.js";
import { parseDealBytes } from "../load/read-deal-file.js";
import { buildDeal } from "../model/build-deal.js";
import type { Deal } from "../model/deal.js";
import type { PlainDate } from "../time/plain-date.js";
import { validateDeal } from "../validate/validate-deal.js";
import { type Change, dealChanges } from "./diff-deals.js";

/** One earlier meeting of a deal: the protocol as it last stood before the next meeting replaced it. */
export interface PastMeeting {
  date: PlainDate;
  /** The commit of that last version: `protokoll build --at <commit>` rebuilds its PDF byte-identical. */
  commit: string;
  /** What this meeting's protocol changed against the one before (empty for the first). */
  changes: Change[];
}

/**
 * Every earlier meeting of each deal, from its git history: each committed version whose `meeting.date` differs
 * from the version before starts a new meeting; the last version of each is that meeting's protocol. The
 * current meeting (the working tree's) is not listed. Only those versions are read again in full — one
 * `git cat-file --batch` for all deals — to say in words what changed (the same words as `protokoll diff`).
 */
export async function protocolHistory(
  history: History,
  deals: readonly Deal[],
  cwd: string,
): Promise<Map<string, PastMeeting[]>> {
  const perDeal = new Map<string, { date: PlainDate; version: Version }[]>();
  for (const deal of deals) {
    const meetings: { date: PlainDate; version: Version }[] = [];
    for (const version of history.files.get(deal.file) ?? []) {
      const date = version.snapshot?.meetingDate;
      if (version.workingTree || !date) continue;
      const last = meetings.at(-1);
      if (last && last.date === date) last.version = version;
      else meetings.push({ date, version });
    }
    if (meetings.at(-1)?.date === deal.meeting.date) meetings.pop();
    if (meetings.length > 0) perDeal.set(deal.slug, meetings);
  }
  const result = new Map<string, PastMeeting[]>();
  if (perDeal.size === 0) return result;
  const prefix = (await git(["rev-parse", "--show-prefix"], cwd).catch(() => "")).trim();
  const byslug = new Map(deals.map((d) => [d.slug, d]));
  const requests: { slug: string; index: number; spec: string }[] = [];
  for (const [slug, meetings] of perDeal) {
    const file = (byslug.get(slug) as Deal).file;
    meetings.forEach((m, index) => {
      requests.push({ slug, index, spec: `${m.version.commit}:${prefix}${file}` });
    });
  }
  const blobs = await readBlobs(
    requests.map((r) => r.spec),
    cwd,
  ).catch(() => [] as (Buffer | undefined)[]);
  const models = new Map<string, (Deal | undefined)[]>();
  requests.forEach((r, i) => {
    const deal = byslug.get(r.slug) as Deal;
    const list = models.get(r.slug) ?? [];
    list[r.index] = modelOf(deal, blobs[i]);
    models.set(r.slug, list);
  });
  for (const [slug, meetings] of perDeal) {
    const list = models.get(slug) ?? [];
    result.set(
      slug,
      meetings.map((m, i) => {
        const before = i > 0 ? list[i - 1] : undefined;
        const after = list[i];
        return { date: m.date, commit: m.version.commit, changes: before && after ? dealChanges(before, after) : [] };
      }),
    );
  }
  return result;
}

function modelOf(deal: Deal, bytes: Buffer | undefined): Deal | undefined {
  if (!bytes) return undefined;
  const entry = { file: deal.file, absolute: path.resolve(deal.file), slug: deal.slug };
  const loaded = parseDealBytes(entry, bytes);
  if (!loaded.source || loaded.data === undefined || loaded.findings.length > 0) return undefined;
  const { data } = validateDeal(loaded.data, loaded.source);
  return data ? buildDeal(deal.slug, deal.file, data) : undefined;
}
