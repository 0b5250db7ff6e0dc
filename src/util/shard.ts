import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "./sha256.js";

/**
 * One of n slices of the deals (`build --shard <i>/<n>`, 1 ≤ i ≤ n): CI prints the PDFs of a big repository
 * in n jobs at once (GitHub's job matrix, GitLab's `parallel:`), then one build over their merged folders
 * renders what needs every deal and prints nothing.
 */
export interface Shard {
  /** 1-based, as GitLab's CI_NODE_INDEX and a matrix of `[1, 2, 3, 4]` count. */
  index: number;
  total: number;
}

/** The most slices: past this a job starts a browser and reads every deal for a handful of PDFs. */
export const MAX_SHARDS = 256;

/** `2/4` as a shard; undefined for anything else (the caller says what is wrong). */
export function parseShard(text: string): Shard | undefined {
  const match = /^([1-9]\d{0,2})\/([1-9]\d{0,2})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const total = Number(match[2]);
  return index <= total && total <= MAX_SHARDS ? { index, total } : undefined;
}

/**
 * Whether the deal `slug` belongs to `shard`: by the SHA-256 of the slug, so a deal stays in its slice whatever
 * the other deals are (a new deal moves no other one) and on every machine alike.
 */
export function inShard(slug: string, shard: Shard): boolean {
  const bucket = Number.parseInt(sha256(slug).slice(0, 8), 16) % shard.total;
  return bucket === shard.index - 1;
}

/**
 * The name a shard gives a state file, so that the shards' folders copied into one (`cp -r a/. merged/`) keep
 * each shard's file beside the others: `outputs.json` → `outputs.shard-2-of-4.json`. Without a shard, `name`.
 */
export function shardFileName(name: string, shard: Shard | undefined): string {
  if (!shard) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}.shard-${shard.index}-of-${shard.total}${ext}`;
}

/** The files in `dir` that shards wrote in place of `name` (see {@link shardFileName}), sorted. */
export async function shardFiles(dir: string, name: string): Promise<string[]> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const pattern = new RegExp(`^${escapeRegExp(stem)}\\.shard-[1-9]\\d*-of-[1-9]\\d*${escapeRegExp(ext)}$`);
  try {
    return (await readdir(dir))
      .filter((file) => pattern.test(file))
      .sort()
      .map((file) => path.join(dir, file));
  } catch {
    return [];
  }
}

/** Removes the shards' files of `name` in `dir`: a build over the merged folder has folded them into its own. */
export async function removeShardFiles(dir: string, name: string): Promise<void> {
  for (const file of await shardFiles(dir, name)) await rm(file, { force: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
