import type { Document } from "yaml";
import { type Phrase, phrase } from "../i18n/translate.js";
import { yaml } from "./yaml-library.js";

interface Opening {
  from: number;
  to: number;
  what: Phrase;
  opener: string;
  closer: Phrase;
}

/** Every quoted text and flow collection with its range, collected once per file. */
export function openingsOf(doc: Document): Opening[] {
  const all: Opening[] = [];
  const add = (range: readonly number[] | null | undefined, what: Phrase, opener: string, closer: Phrase) => {
    const [from, , to] = range ?? [];
    if (from !== undefined && to !== undefined) all.push({ from, to, what, opener, closer });
  };
  yaml().visit(doc, {
    Scalar(_, node) {
      if (node.type === "QUOTE_DOUBLE") add(node.range, phrase("yaml.what.quoted"), '"', phrase("yaml.closer.quote", { q: '"' }));
      if (node.type === "QUOTE_SINGLE") add(node.range, phrase("yaml.what.quoted"), "'", phrase("yaml.closer.quote", { q: "'" }));
    },
    Seq(_, node) {
      if (node.flow) add(node.range, phrase("yaml.what.list"), "[", phrase("yaml.closer.bracket", { q: "]" }));
    },
    Map(_, node) {
      if (node.flow) add(node.range, phrase("yaml.what.map"), "{", phrase("yaml.closer.bracket", { q: "}" }));
    },
  });
  return all;
}

/** The innermost quoted text or flow collection that contains `offset`: where an unclosed one opened. */
export function innermostOpening(
  openings: readonly Opening[],
  offset: number,
): { start: number; what: Phrase; opener: string; closer: Phrase } | undefined {
  let best: Opening | undefined;
  for (const opening of openings) {
    if (opening.from > offset || offset > opening.to) continue;
    if (!best || opening.from > best.from) best = opening;
  }
  return best && { start: best.from, what: best.what, opener: best.opener, closer: best.closer };
}
