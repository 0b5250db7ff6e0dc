/**
 * The pipeline in one place. Data flows one way; each stage is a folder in src/ and never imports a later one:
 *
 *   load      src/load/      find deal files, read bytes, decode UTF-8, parse YAML with positions
 *   validate  src/validate/  JSON Schema and cross-key rules → `invalid-*` findings on the exact node
 *   model     src/model/ + src/findings/   plain-date model, findings rules, KPIs
 *   render    src/render/    Eleventy + Nunjucks → site pages, report.json (and the print HTML)
 *   print     src/pdf/       Puppeteer → one A4 PDF per deal
 *
 * `analyse` runs the first three stages (all that `check` needs); `commands/build.ts` adds render and print.
 */
import path from "node:path";
import type { Config } from "./config/load-config.js";
import type { Finding, Position } from "./errors.js";
import { sortFindings } from "./findings/index.js";
import type { SendReadiness } from "./findings/send-readiness.js";
import { type DealFileEntry, findDealFiles } from "./load/find-deal-files.js";
import { type LoadedFile, parseDealBytes, readCapped, readDealFile, slugFindings } from "./load/read-deal-file.js";
import type { Deal, DealStatus, GitFacts } from "./model/deal.js";
import { type Kpi, kpiFor } from "./model/kpi.js";
import type { OwnersSeen } from "./model/owner-directory.js";
import { keyingStore, type ResultStore } from "./pipeline/analysis-cache.js";
import { duplicateSlugFindings, modelDeal, withDuplicate } from "./pipeline/model-deal.js";
import type { PlainDate } from "./time/plain-date.js";
import { mapLimit } from "./util/map-limit.js";
import { sha256 } from "./util/sha256.js";
import { runInWorkers, workerCount } from "./util/worker-pool.js";

/** One deal file's outcome. `deal` is set when the file is valid; a broken file still has slug, file, findings. */
export interface DealResult {
  slug: string;
  file: string;
  title: string | null;
  status: DealStatus | null;
  deal?: Deal;
  /**
   * The source lines the findings point at (and the title's), for code frames. The parsed YAML document
   * itself is dropped after analysis: at 10 000 deals it would hold hundreds of megabytes.
   */
  lines: Record<number, string>;
  /** Where the `title` is, for findings added later (PDF overflow). */
  titleAt: Position;
  findings: Finding[];
  /** Whether the recap may go to the client, and why not (valid deals only). */
  readiness?: SendReadiness;
  kpi?: Kpi;
}

export interface Analysis {
  today: PlainDate;
  config: Config;
  dealsDir: string;
  deals: DealResult[];
  kpi: Kpi;
  summary: { deals: number; errors: number; warnings: number };
  /**
   * When each owner name was first seen in the deals' git history (src/history/owner-first-seen.ts): who keeps
   * a slug that two names share. Absent outside git; every user of the owner directory passes it.
   */
  ownersSeen?: OwnersSeen;
}

export interface AnalyseOptions {
  dealsDir: string;
  today: PlainDate;
  config: Config;
  cwd?: string;
  /** Last-commit facts per deal file (display path), when the deals live in a git checkout. */
  git?: ReadonlyMap<string, GitFacts & { pushedBack?: Record<string, number>; dueBefore?: Record<string, string> }>;
  /** Analyses of earlier runs by content hash (see pipeline/analysis-cache.ts): an unchanged file is not parsed. */
  cache?: ResultStore;
  /** Carried into the analysis as it is (see {@link Analysis.ownersSeen}). */
  ownersSeen?: OwnersSeen;
}

/**
 * load → validate → model and findings, for every deal file. Never throws for a broken deal. Each file is
 * modelled as soon as it is read, so only a few parsed YAML documents are alive at any time.
 */
export async function analyse(options: AnalyseOptions): Promise<Analysis> {
  const cwd = options.cwd ?? process.cwd();
  const entries = await findDealFiles(options.dealsDir, cwd);
  const duplicates = duplicateSlugFindings(entries);
  const { results, digests } = await analyseEntries(entries, duplicates, { ...options, cwd });
  const analysis = summarise(results, options);
  cachedDigests.set(analysis, digests);
  return analysis;
}

/**
 * Every entry's result, in order: from the cache where it has one; the rest in worker threads when there are
 * enough of them to pay for starting threads (see util/worker-pool.ts), else in this thread.
 */
async function analyseEntries(
  entries: readonly DealFileEntry[],
  duplicates: ReadonlyMap<string, Finding>,
  options: AnalyseOptions,
): Promise<{ results: DealResult[]; digests: (string | undefined)[] }> {
  if (workerCount(entries.length) === 0) {
    const keyed = await mapLimit(entries, 16, (entry) => analyseEntryKeyed(entry, duplicates, options));
    return { results: keyed.map((k) => k.result), digests: keyed.map((k) => k.digest) };
  }
  const { cache, ...plain } = options;
  const digests: (string | undefined)[] = new Array(entries.length);
  const results: (DealResult | undefined)[] = new Array(entries.length);
  const due: { index: number }[] = [];
  await mapLimit(entries, 16, async (entry, index) => {
    if (!cache || entry.refused) return void due.push({ index });
    const bytes = await readCapped(entry.absolute, options.config.maxFileBytes);
    if (bytes === "too-large" || bytes === "special") return void due.push({ index });
    const cached = cache.get(cache.key(entry, bytes, duplicates.get(entry.file), options.git?.get(entry.file)));
    if (cached) {
      results[index] = cached.result;
      digests[index] = cached.digest;
    } else due.push({ index });
  });
  due.sort((a, b) => a.index - b.index);
  const todo = due.map((d) => entries[d.index] as DealFileEntry);
  // Each fresh result comes with the key of the bytes it was made from, read where it was analysed.
  const context = cache?.context;
  const keyed = context ? { ...plain, cache: keyingStore(context) } : plain;
  const fresh =
    (await runInWorkers<DealFileEntry, Keyed>(
      new URL("./pipeline/analyse-worker.js", import.meta.url),
      { options: plain, duplicates, context },
      todo,
      workerCount(todo.length),
    )) ?? (await mapLimit(todo, 16, (entry) => analyseEntryKeyed(entry, duplicates, keyed)));
  due.forEach((d, i) => {
    const { result, key, digest } = fresh[i] as Keyed;
    results[d.index] = result;
    digests[d.index] = cache && key ? cache.set(key, result) : digest;
  });
  return { results: results as DealResult[], digests };
}

/** load → validate → model and findings for one deal file (`serve` re-analyses only the file that was saved). */
export async function analyseEntry(
  entry: DealFileEntry,
  duplicates: ReadonlyMap<string, Finding>,
  options: AnalyseOptions,
): Promise<DealResult> {
  return (await analyseEntryKeyed(entry, duplicates, options)).result;
}

/**
 * A result, with the key of what it was made from when there is a store to key by, and its digest when the
 * store keeps results (see {@link resultDigests}).
 */
export interface Keyed {
  result: DealResult;
  key?: string;
  digest?: string;
}

/** {@link analyseEntry}, with the analysis cache's key of the result when there is a cache. */
export async function analyseEntryKeyed(
  entry: DealFileEntry,
  duplicates: ReadonlyMap<string, Finding>,
  options: AnalyseOptions,
): Promise<Keyed> {
  const { cache } = options;
  const bytes = cache && !entry.refused ? await readCapped(entry.absolute, options.config.maxFileBytes) : undefined;
  if (!cache || bytes === undefined || bytes === "too-large" || bytes === "special") {
    const loaded = await readDealFile(entry, options.config.maxFileBytes);
    return { result: modelDeal(withDuplicate(loaded, duplicates), options) };
  }
  const key = cache.key(entry, bytes, duplicates.get(entry.file), options.git?.get(entry.file));
  const cached = cache.get(key);
  if (cached) return { ...cached, key };
  const result = modelDeal(withDuplicate(parseDealBytes(entry, bytes, slugFindings(entry)), duplicates), options);
  const digest = cache.set(key, result);
  return digest === undefined ? { result, key } : { result, key, digest };
}

/**
 * One digest per deal of `analysis`, in order: the analysis cache's digest of the result where the analysis
 * knows it (src/pipeline/analysis-cache.ts `resultDigest`: the result as cached, with the tool, configuration and
 * today), else the SHA-256 of the result as JSON (a deal analysed without a cache, or at a git revision). Equal
 * digests, equal results: what an output makes from a deal's result alone can be keyed by its digest — and an
 * edit that leaves a deal's result as it was (a comment, a blank line at the end) changes no output.
 */
export function resultDigests(analysis: Analysis): string[] {
  let known = digestsOf.get(analysis);
  if (!known) {
    const cached = cachedDigests.get(analysis);
    known = analysis.deals.map((result, i) => cached?.[i] ?? sha256(JSON.stringify(result)));
    digestsOf.set(analysis, known);
  }
  return known;
}

/**
 * Beside each analysis, not in it (two analyses of the same files are equal, cache or not): the analysis
 * cache's digest of each result where it was known, and the digests of {@link resultDigests}.
 */
const cachedDigests = new WeakMap<Analysis, readonly (string | undefined)[]>();
const digestsOf = new WeakMap<Analysis, string[]>();

/** validate → model and findings over files already read (from disk, or from a git revision). */
export function analyseLoaded(loaded: LoadedFile[], options: AnalyseOptions): Analysis {
  const duplicates = duplicateSlugFindings(loaded.map((file) => file.entry));
  return summarise(
    loaded.map((file) => modelDeal(withDuplicate(file, duplicates), options)),
    options,
  );
}

/** The analysis of a set of per-file results: totals and KPIs over all of them. */
export function summarise(deals: DealResult[], options: AnalyseOptions): Analysis {
  const valid = deals.flatMap((d) => (d.deal ? [d.deal] : []));
  const all = deals.flatMap((d) => d.findings);
  const analysis: Analysis = {
    today: options.today,
    config: options.config,
    dealsDir: path.resolve(options.cwd ?? process.cwd(), options.dealsDir),
    deals,
    kpi: kpiFor(valid, options.today),
    summary: {
      deals: deals.length,
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
    },
  };
  if (options.ownersSeen) analysis.ownersSeen = options.ownersSeen;
  return analysis;
}

/**
 * The analysis with findings a later stage made (the print stage's `pdf-*`, by deal file) added to their deals,
 * in place order, and the totals computed again. Send-readiness stays as it was decided before printing: the PDF
 * carries (or does not carry) the draft mark by it.
 */
export function withFindings(analysis: Analysis, extra: ReadonlyMap<string, readonly Finding[]>): Analysis {
  if (extra.size === 0) return analysis;
  const before = resultDigests(analysis);
  const digests: string[] = [];
  const deals = analysis.deals.map((result, i) => {
    const more = extra.get(result.file);
    const digest = before[i] as string;
    if (!more) {
      digests.push(digest);
      return result;
    }
    digests.push(sha256(`${digest}\0${JSON.stringify(more)}`));
    const findings = sortFindings([...result.findings, ...more]);
    return { ...result, findings };
  });
  const next = summarise(deals, {
    today: analysis.today,
    config: analysis.config,
    dealsDir: analysis.dealsDir,
    ...(analysis.ownersSeen ? { ownersSeen: analysis.ownersSeen } : {}),
  });
  digestsOf.set(next, digests);
  return next;
}

export { duplicateSlugFindings } from "./pipeline/model-deal.js";
