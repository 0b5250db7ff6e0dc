import type { Document, LineCounter, parseAllDocuments, YAMLError } from "yaml";
import { capFindings, type Finding, finding, MAX_FINDINGS_PER_FILE } from "../errors.js";
import { type CatalogueKey, de } from "../i18n/catalogue.js";
import { type Phrase, phrase } from "../i18n/translate.js";
import { explainMistake, tabIndented } from "./explain-yaml-mistake.js";
import { duplicateKeys } from "./find-duplicate-keys.js";
import { innermostOpening, openingsOf } from "./find-unclosed-opening.js";
import { SourceDocument } from "./source-document.js";
import { yaml } from "./yaml-library.js";

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

/** The yaml library's error, in our words: its code picks the catalogue's message and fix. */
function yamlProblem(code: string): { problem: Phrase; remedy: Phrase } {
  const known = (key: string) => Object.hasOwn(de, key);
  const problem = known(`yaml.error.${code}`) ? (`yaml.error.${code}` as CatalogueKey) : "yaml.error";
  const hintCode = code === "BAD_SCALAR_START" ? "UNEXPECTED_TOKEN" : code;
  const remedy =
    code === "TAB_AS_INDENT"
      ? "yaml.tabIndentHint"
      : known(`yaml.hint.${hintCode}`)
        ? (`yaml.hint.${hintCode}` as CatalogueKey)
        : "yaml.hint.other";
  return { problem: { key: problem }, remedy: { key: remedy } };
}

/**
 * Parses YAML 1.2 (core schema) strictly: exactly one document, unique keys, and none of the features a deal
 * does not need and an attacker could use — anchors, aliases, explicit tags, directives other than `%YAML 1.2`.
 * Collects every problem of the file instead of stopping at the first.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const carriageReturns = crOnlyLineBreaks(text);
  if (carriageReturns !== undefined) {
    const at = { line: 1, column: carriageReturns + 1 };
    return { findings: [finding("invalid-yaml", file, at, phrase("file.crOnly"), phrase("file.crOnlyHint", { file }))] };
  }
  const lineCounter = new (yaml().LineCounter)();
  let docs: ReturnType<typeof parseAllDocuments>;
  // The library makes an Error object per problem, each capturing a stack trace nobody reads: a file of 200 000
  // broken lines spent most of its parse time there.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    docs = yaml().parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      schema: "core",
      customTags: [],
      // Duplicate keys are found below with one set per mapping: the library's own check compares every key
      // with every earlier one, and 8000 repeated `title:` lines took seconds.
      uniqueKeys: false,
      strict: true,
      version: "1.2",
      // The library would print its own warnings ("Keys with collection values will be stringified …") to
      // stderr; every problem of a deal file reaches the author as a finding instead.
      logLevel: "error",
    });
  } catch (error) {
    // The parser recurses per nesting level; absurd nesting exhausts the stack.
    if (error instanceof RangeError) return { findings: [tooDeep(file, text, lineCounter)] };
    const problem = phrase("yaml.parserFailed", { detail: String(error) });
    return { findings: [finding("invalid-yaml", file, { line: 1, column: 1 }, problem, phrase("yaml.checkSyntax"))] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }

  if (!Array.isArray(docs) || docs.length === 0) {
    return {
      findings: [finding("invalid-field", file, { line: 1, column: 1 }, phrase("file.empty"), phrase("file.emptyHint"))],
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
  // The mistakes people really make get one finding in their words, and the parser's follow-up errors on the
  // lines concerned are left out (see explainMistake).
  const explained = new Set<number>();
  const tabLines = lazy(() => tabIndented(source));
  for (const error of [...doc.errors, ...doc.warnings] as YAMLError[]) {
    const [start, end] = error.pos;
    if (error.code === "TAG_RESOLVE_FAILED") continue; // reported below, with the fix, for every explicit tag
    if (findings.length >= MAX_FINDINGS_PER_FILE) {
      uncounted++;
      continue;
    }
    const errorLine = source.positionOfOffset(start).line;
    if (explained.has(errorLine)) continue;
    const mistake = explainMistake(source, errorLine, error.code, tabLines);
    if (mistake) {
      for (const line of mistake.lines) explained.add(line);
      const explanation = finding("invalid-yaml", file, mistake.at, mistake.problem, mistake.remedy);
      if (mistake.lines.length > 1) explanation.covers = mistake.lines;
      findings.push(explanation);
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
            phrase("yaml.unclosed", { what: opened.what }),
            phrase("yaml.unclosedHint", { closer: opened.closer, opener: opened.opener }),
          ),
        );
        continue;
      }
    }
    const { problem, remedy } = yamlProblem(error.code);
    findings.push(finding("invalid-yaml", file, at(start, end), problem, remedy));
  }
  for (const key of duplicateKeys(doc)) {
    if (findings.length >= MAX_FINDINGS_PER_FILE) {
      uncounted++;
      continue;
    }
    findings.push(
      key.list === undefined
        ? finding(
            "invalid-yaml",
            file,
            at(key.start, key.end),
            phrase("yaml.duplicateKey", { key: key.text }),
            phrase("yaml.duplicateKeyHint"),
          )
        : finding(
            "invalid-yaml",
            file,
            at(key.start, key.end),
            phrase("yaml.missingDash", { key: key.text, list: key.list }),
            phrase("yaml.missingDashHint", { key: key.text, list: key.list }),
          ),
    );
  }
  const syntaxOnly = findings.length;

  for (const extra of rest) {
    const start = (extra as Document.Parsed).range?.[0] ?? extra.contents?.range?.[0] ?? 0;
    findings.push(finding("invalid-yaml", file, at(start), phrase("yaml.multipleDocs"), phrase("yaml.multipleDocsHint")));
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
        phrase("yaml.tagDirective"),
        phrase("yaml.tagDirectiveHint"),
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
        phrase("yaml.version", { version: doc.directives.yaml.version }),
        phrase("yaml.versionHint"),
      ),
    );
  }

  yaml().visit(doc, {
    Alias(_, node) {
      const [start, end] = node.range ?? [0, 0];
      findings.push(
        finding("invalid-yaml", file, at(start, end), phrase("yaml.alias", { name: node.source }), phrase("yaml.aliasHint")),
      );
    },
    Node(_, node) {
      const [start, end] = node.range ?? [0, 0];
      if (node.anchor) {
        findings.push(
          finding("invalid-yaml", file, at(start, end), phrase("yaml.anchor", { name: node.anchor }), phrase("yaml.anchorHint")),
        );
      }
      if (node.tag) {
        findings.push(
          finding("invalid-yaml", file, at(start, end), phrase("yaml.tag", { tag: shortTag(node.tag) }), phrase("yaml.tagHint")),
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

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: make() };
    return value.v;
  };
}

function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, "!!");
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.line}:${f.column}:${JSON.stringify(f.problem)}`;
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
    phrase("yaml.tooDeep"),
    phrase("yaml.tooDeepHint"),
  );
}

/**
 * Where the first line break of a file that breaks its lines with a lone CR (classic Mac OS, some exports) is;
 * undefined for LF and CRLF files. The parser sees such a file as one long line — a first line that is a comment
 * made the whole file "empty" — so it is refused as what it is.
 */
function crOnlyLineBreaks(text: string): number | undefined {
  const first = text.search(/\r(?!\n)/);
  if (first === -1) return undefined;
  const lone = text.match(/\r(?!\n)/g)?.length ?? 0;
  const feeds = text.match(/\n/g)?.length ?? 0;
  return lone > feeds ? first : undefined;
}
