import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../../config/load-config.js";
import { ProtokollError } from "../../errors.js";
import { phrase, t } from "../../i18n/translate.js";
import { decodeUtf8 } from "../../load/decode-utf8.js";
import { parseDealBytes } from "../../load/read-deal-file.js";
import { yaml } from "../../load/yaml-library.js";
import { analyseLoaded } from "../../pipeline.js";
import type { Language } from "../../time/language.js";
import { todayIn } from "../../time/plain-date.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";
import { advanceData } from "../edit/advance-deal.js";
import { writeBack } from "../edit/write-back.js";

export interface AdvanceFlags {
  file: string;
  language: Language;
}

/**
 * `protokoll advance <deal-file>`: the next meeting becomes the recorded one, and the file is ready for its
 * protocol (what is cleared: src/cli/edit/advance-deal.ts). Only the nodes that change are rewritten.
 */
export async function advance(flags: AdvanceFlags, log: (line: string) => void): Promise<number> {
  const absolute = path.resolve(flags.file);
  const shown = path.relative(process.cwd(), absolute).split(path.sep).join("/");
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch {
    throw new ProtokollError(phrase("advance.missing", { file: shown }), phrase("advance.missingHint"));
  }
  const { config } = await loadConfig();
  const slug = path.basename(absolute).replace(/\.ya?ml$/, "");
  const loaded = parseDealBytes({ file: shown, absolute, slug }, bytes);
  const analysis = analyseLoaded([loaded], { dealsDir: path.dirname(absolute), today: todayIn(config.timeZone), config });
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok || (analysis.deals[0]?.findings ?? []).some((f) => f.severity === "error")) {
    throw new ProtokollError(phrase("advance.invalid", { file: shown }), phrase("advance.invalidHint"));
  }
  const next = advanceData(yaml().parseDocument(decoded.text, { schema: "core", version: "1.2" }).toJS());
  if (!next) throw new ProtokollError(phrase("advance.noNext", { file: shown }), phrase("advance.noNextHint"));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "\uFEFF" : "";
  await writeFileAtomic(absolute, Buffer.from(bom + writeBack(decoded.text, next.data), "utf8"));
  log(t(flags.language, "advance.wrote", { file: shown, date: next.date }));
  return 0;
}
