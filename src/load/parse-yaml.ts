import { type Document, isScalar, LineCounter, parseAllDocuments, visit, type YAMLError } from "yaml";
import { capFindings, type Finding, finding, MAX_FINDINGS_PER_FILE } from "../errors.js";
import { SourceDocument } from "./source-document.js";

export interface ParsedYaml {
  source?: SourceDocument;
  /**
   * The plain data. Also set when the file has syntax errors the parser recovered from, so that schema problems
   * elsewhere in the file are reported in the same run (`partial` is then true); never set when the file uses
   * anchors, aliases, tags, directives or several documents.
   */
  data?: unknown;
  partial?: boolean;
  findings: Finding[];
}

/** Hints for the yaml library's error codes, phrased as the fix. */
const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: "Each key may appear once per mapping: remove or rename one of them.",
  TAB_AS_INDENT: "Indent with spaces, not tabs.",
  BAD_INDENT: "Check the indentation: items of one list or mapping start in the same column.",
  MISSING_CHAR: "A quote or bracket is not closed: close it on the same item.",
  MULTILINE_IMPLICIT_KEY: "A key must fit on one line; is a `:` missing, or a quote not closed?",
  BLOCK_AS_IMPLICIT_KEY: "Is a `:` missing at the end of the previous line?",
  UNEXPECTED_TOKEN: "Quote text that starts with a special character (`@`, `` ` ``, `%`, `*`, `&`, `!`, `|`, `>`).",
  BAD_SCALAR_START: "Quote text that starts with a special character (`@`, `` ` ``, `%`, `*`, `&`, `!`, `|`, `>`).",
};

/**
 * Parses YAML 1.2 (core schema) strictly: exactly one document, unique keys, and none of the features a deal
 * does not need and an attacker could use — anchors, aliases, explicit tags, directives other than `%YAML 1.2`.
 * Collects every problem of the file instead of stopping at the first.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let docs: ReturnType<typeof parseAllDocuments>;
  // The library makes an Error object per problem, each capturing a stack trace nobody reads: a file of 200 000
  // broken lines spent most of its parse time there.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      schema: "core",
      customTags: [],
      // Duplicate keys are found below with one set per mapping: the library's own check compares every key
      // with every earlier one, and 8000 repeated `title:` lines took seconds.
      uniqueKeys: false,
      strict: true,
      version: "1.2",
    });
  } catch (error) {
    // The parser recurses per nesting level; absurd nesting exhausts the stack.
    if (error instanceof RangeError) return { findings: [tooDeep(file, text, lineCounter)] };
    const message = `The YAML parser failed: ${String(error)}`;
    return { findings: [finding("invalid-yaml", file, { line: 1, column: 1 }, message, "Check the file's YAML syntax.")] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }

  if (!Array.isArray(docs) || docs.length === 0) {
    return {
      findings: [
        finding(
          "invalid-field",
          file,
          { line: 1, column: 1 },
          "The file is empty.",
          "A deal needs at least `title`, `customer` and `meeting.date`; `protokoll new` writes a template.",
        ),
      ],
    };
  }

  const [doc, ...rest] = docs;
  if (!doc) return { findings: [] };
  const source = new SourceDocument(file, text, doc, lineCounter);
  const findings: Finding[] = [];
  const at = (offset: number, end?: number) => source.positionOfOffset(offset, end);

  if (doc.errors.some((error) => /Maximum call stack/.test(error.message))) {
    // Where the parser ran out of stack depends on the machine, and the other errors follow from it.
    return { findings: [tooDeep(file, text, lineCounter)] };
  }

  // A file of thousands of broken lines makes thousands of parser errors: past the cap, they are only counted,
  // so the cost per file stays bounded whatever it holds (see capFindings).
  const openings = lazy(() => openingsOf(doc));
  let uncounted = 0;
  for (const error of [...doc.errors, ...doc.warnings] as YAMLError[]) {
    const [start, end] = error.pos;
    if (error.code === "TAG_RESOLVE_FAILED") continue; // reported below, with the fix, for every explicit tag
    if (findings.length >= MAX_FINDINGS_PER_FILE) {
      uncounted++;
      continue;
    }
    const unclosed = /end with an? ([\]}])|Missing closing "?(\S*)quote/.exec(error.message);
    if (unclosed) {
      // The parser notices a missing `]`, `}` or quote where the file or block ends; point at where it opened.
      const opened = innermostOpening(openings(), start);
      if (opened) {
        findings.push(
          finding(
            "invalid-yaml",
            file,
            at(opened.start),
            `This ${opened.what} is never closed.`,
            `Add the closing ${opened.closer}, or quote the whole text if the ${opened.opener} belongs to it.`,
          ),
        );
        continue;
      }
    }
    findings.push(
      finding(
        "invalid-yaml",
        file,
        at(start, end),
        cleanMessage(error.message),
        YAML_HINTS[error.code] ?? "Check the YAML syntax at this position; quoting the value often helps.",
      ),
    );
  }
  for (const key of duplicateKeys(doc)) {
    if (findings.length >= MAX_FINDINGS_PER_FILE) {
      uncounted++;
      continue;
    }
    findings.push(
      finding(
        "invalid-yaml",
        file,
        at(key.start, key.end),
        `The key \`${key.text}\` appears twice in this mapping.`,
        "Each key may appear once per mapping: remove or merge one of them.",
      ),
    );
  }
  const syntaxOnly = findings.length;

  for (const extra of rest) {
    const start = (extra as Document.Parsed).range?.[0] ?? extra.contents?.range?.[0] ?? 0;
    findings.push(
      finding(
        "invalid-yaml",
        file,
        at(start),
        "The file holds more than one YAML document.",
        "Keep one deal per file: remove the `---` line and what follows, or move it into a file of its own.",
      ),
    );
    break;
  }

  const declaresTags = Object.keys(doc.directives?.tags ?? {}).some((handle) => handle !== "!!");
  const tagDirective = declaresTags ? /^%TAG\b/m.exec(text) : null;
  if (tagDirective) {
    findings.push(
      finding(
        "invalid-yaml",
        file,
        source.positionOfOffset(tagDirective.index, tagDirective.index + 4),
        "The file declares a `%TAG` directive; deal files use no tags.",
        "Remove the `%TAG` line (and the `---` after it, if nothing else needs it).",
      ),
    );
  }

  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== "1.2") {
    const lineIndex = source.text.split(/\r?\n/).findIndex((l) => l.startsWith("%YAML"));
    findings.push(
      finding(
        "invalid-yaml",
        file,
        { line: lineIndex + 1, column: 1, length: 9 },
        `The file asks for YAML ${doc.directives.yaml.version}; deal files are YAML 1.2.`,
        "Remove the `%YAML` line.",
      ),
    );
  }

  visit(doc, {
    Alias(_, node) {
      const [start, end] = node.range ?? [0, 0];
      findings.push(
        finding(
          "invalid-yaml",
          file,
          at(start, end),
          `Aliases (\`*${node.source}\`) are not allowed in deal files.`,
          "Write the value out where it is needed.",
        ),
      );
    },
    Node(_, node) {
      const [start, end] = node.range ?? [0, 0];
      if (node.anchor) {
        findings.push(
          finding(
            "invalid-yaml",
            file,
            at(start, end),
            `Anchors (\`&${node.anchor}\`) are not allowed in deal files.`,
            "Remove the anchor and write values out where they are needed.",
          ),
        );
      }
      if (node.tag) {
        findings.push(
          finding(
            "invalid-yaml",
            file,
            at(start, end),
            `Explicit tags (\`${shortTag(node.tag)}\`) are not allowed in deal files.`,
            'Remove the tag; write dates as "YYYY-MM-DD" and everything else as plain text.',
          ),
        );
      }
    },
  });

  const listed = (all: Finding[]) => capFindings(dedupe(all), uncounted);
  if (findings.length > syntaxOnly) return { source, findings: listed(findings) };
  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (findings.length > 0) return { source, data, partial: true, findings: listed(findings) };
  return { source, data, findings };
}

/**
 * Every key written a second time in its mapping, in one pass with a set per mapping. Scalar keys are equal
 * when type and value are (`1` and `"1"` differ), as in the yaml library's own check.
 */
function duplicateKeys(doc: Document): { text: string; start: number; end: number }[] {
  const found: { text: string; start: number; end: number }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const id = `${typeof pair.key.value}:${String(pair.key.value)}`;
        if (!seen.has(id)) {
          seen.add(id);
          continue;
        }
        const [start = 0, end = start] = pair.key.range ?? [];
        found.push({ text: String(pair.key.value), start, end });
      }
    },
  });
  return found;
}

interface Opening {
  from: number;
  to: number;
  what: string;
  opener: string;
  closer: string;
}

/** Every quoted text and flow collection with its range, collected once per file. */
function openingsOf(doc: Document): Opening[] {
  const all: Opening[] = [];
  const add = (range: readonly number[] | null | undefined, what: string, opener: string, closer: string) => {
    const [from, , to] = range ?? [];
    if (from !== undefined && to !== undefined) all.push({ from, to, what, opener, closer });
  };
  visit(doc, {
    Scalar(_, node) {
      if (node.type === "QUOTE_DOUBLE") add(node.range, "quoted text", '"', 'quote `"`');
      if (node.type === "QUOTE_SINGLE") add(node.range, "quoted text", "'", "quote `'`");
    },
    Seq(_, node) {
      if (node.flow) add(node.range, "list `[`", "[", "`]`");
    },
    Map(_, node) {
      if (node.flow) add(node.range, "mapping `{`", "{", "`}`");
    },
  });
  return all;
}

/** The innermost quoted text or flow collection that contains `offset`: where an unclosed one opened. */
function innermostOpening(
  openings: readonly Opening[],
  offset: number,
): { start: number; what: string; opener: string; closer: string } | undefined {
  let best: Opening | undefined;
  for (const opening of openings) {
    if (opening.from > offset || offset > opening.to) continue;
    if (!best || opening.from > best.from) best = opening;
  }
  return best && { start: best.from, what: best.what, opener: best.opener, closer: best.closer };
}

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: make() };
    return value.v;
  };
}

function cleanMessage(message: string): string {
  // The library appends " at line N, column M" even with prettyErrors off; we show positions ourselves.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").replace(/\s+$/, "");
}

function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, "!!");
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.line}:${f.column}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The finding for a file nested so deeply that the parser ran out of stack, placed on the bracket that opens
 * the deep nesting (the same place on every machine), or on the first line when the nesting is by indentation.
 */
function tooDeep(file: string, text: string, lineCounter: LineCounter): Finding {
  let depth = 0;
  let outermost = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "[" || c === "{") {
      if (depth === 0) outermost = i;
      if (++depth >= 100) break;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  const where = depth >= 100 ? lineCounter.linePos(outermost) : { line: 1, col: 1 };
  return finding(
    "invalid-yaml",
    file,
    { line: where.line, column: where.col },
    "The file is nested too deeply to be a deal (thousands of levels).",
    "A deal is a few levels deep: remove the nested `{`/`[` or `-` levels, or quote the text that contains them.",
  );
}
