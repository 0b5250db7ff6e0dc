/**
 * Escaping for the log-line sink: text protokoll prints for people and CI logs (`build`, `check`, `serve`,
 * errors). Deal text and file names come from pull requests, and a CI log is a command channel: GitHub reads
 * `::error …`, `::add-mask::…` or `::stop-commands::…` at the start of a line and `##[error]` anywhere in it
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions); terminals obey ESC
 * sequences; bidi overrides reorder what a reviewer sees. So untrusted text never brings a line break, a control
 * character or a command marker into a log.
 *
 * Other sinks have their own helpers: workflow-command data and properties (report/format-github.ts),
 * Markdown (diff/format-diff.ts), HTML (Nunjucks autoescape), iCalendar and mail headers (export/).
 */

// C0 and DEL, C1, line and paragraph separators, and the invisible direction marks and overrides.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Untrusted text inside a log line: control characters, line separators and direction overrides become visible
 * escapes (`\n`, `\x1b`, `\u202e`), and GitHub's old command marker `##[` is broken up. Plain text is unchanged.
 */
export function logText(text: string): string {
  return text.replace(UNSAFE, visible).replace(/##\[/g, "##\\[");
}

/**
 * Untrusted text shown column for column, as in a code frame under which a caret points: each unsafe character
 * becomes one `·` and `##[` becomes `#·[`, so the text keeps its length.
 */
export function logColumns(text: string): string {
  return text.replace(UNSAFE, "·").replace(/##\[/g, "#·[");
}

/** A path in a log line: as {@link logText}, and never starting with `:` or a space, so it cannot open a command. */
export function logPath(file: string): string {
  const text = logText(file);
  return /^[\s:]/.test(text) ? `./${text}` : text;
}

/**
 * The last guard before text is written to a log: every line of `text` (our own line breaks) that would start
 * a workflow command after leading spaces gets a `\` in front, and `##[` is broken up wherever it is. Lines
 * are left as they are otherwise (colour codes included).
 */
export function logLines(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const guarded = line.replace(/##\[/g, "##\\[").replace(/[\r\u2028\u2029]/g, visible);
      return /^\s*::/.test(guarded) ? `\\${guarded}` : guarded;
    })
    .join("\n");
}

/**
 * JSON printed where a log may show it (`check --format json`): the same document, with `##[` and the line
 * separators written as JSON escapes (`##\u005b`, `\u2028`), which every JSON parser reads back unchanged.
 */
export function jsonForLog(json: string): string {
  return json
    .replace(/##\[/g, "##\\u005b")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
