/**
 * Escaping for the Markdown sink: deal text and file names in a job summary or pull-request comment (GitHub
 * Flavored Markdown, rendered by cmark-gfm and then GitHub's mention and reference filters). A title, task or
 * file name from a pull request must stay text on one line: no heading, list, emphasis, code span, table,
 * link, image, raw HTML or comment; no bare URL turned into a link, no `@mention` that notifies someone.
 */

// Line breaks of every kind: each would end the line and let the rest start a block.
const LINE_BREAKS = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g;
// Other control characters and the invisible direction overrides: shown as escapes, never obeyed.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Every ASCII punctuation character may be backslash-escaped (CommonMark 2.4); we escape them all, which also
// keeps `.` and `:` from completing a www., http:// or e-mail autolink (GFM 6.9), and a linkifier's domains.
// All but `$`: GitHub's math (`$x$`, `$$…$$`, `` $`…`$ ``) is found before backslash escapes count, so `$`
// becomes the character reference `&#36;`, which is text and never a delimiter (CommonMark 6.2).
const PUNCTUATION = /[!"#%'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// GitHub links `GH-123` to an issue and a repository's own autolink prefixes (`JIRA-123`, `TICKET-42`) to its
// tracker, in the rendered text; a zero-width joiner between the dash and the number keeps them text.
const AUTOLINK_REFERENCE = /([A-Za-z]\\-)(?=\d)/g;
// A run of 7 to 40 hex digits with letters and digits in it is linked as a commit when one matches.
const COMMIT_LIKE = /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)([0-9a-f]{6})([0-9a-f]{1,34})\b/gi;

/**
 * Deal text as inert Markdown on one line: the one escape of this sink, for the `diff` summary and the weekly
 * review alike. `$` becomes `&#36;` (and an `&` that would start an entity `&amp;`), every other ASCII punctuation character is
 * backslash-escaped, line breaks become spaces, control characters and direction overrides become visible
 * escapes (`\u001b`, `\u202e`), and a zero-width joiner after `@` and `#`, inside `GH-1`-style references and
 * commit-like hex keeps GitHub from making mentions, issue, tracker and commit links of the text.
 */
export function markdownText(text: string): string {
  return (
    text
      .replace(LINE_BREAKS, " ")
      .replace(PUNCTUATION, "\\$&")
      // Only an `&` that would start an entity: "Müller & Söhne" stays readable where Markdown is shown as text.
      .replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;")
      .replace(/[@#]/g, "$&\u200d")
      .replace(/\$/g, "&#36;")
      .replace(AUTOLINK_REFERENCE, "$1\u200d")
      .replace(COMMIT_LIKE, "$1\u200d$2")
      .replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
  );
}

/**
 * Text as a code span, for file names and revisions: fenced with one more backtick than its longest run of
 * backticks and padded with a space where needed, so no backtick in it can close the span (CommonMark 6.1); on one line, with
 * control characters as visible escapes. Nothing in a code span is Markdown, HTML, a link or a mention.
 */
export function codeSpan(text: string): string {
  const flat = text
    .replace(LINE_BREAKS, " ")
    .replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  // A space on each side only where needed: next to a backtick, or to keep spaces at both ends (one is stripped).
  const pad = /^`|`$/.test(flat) || (/^ .*[^ ].* $/.test(flat) && flat.length > 2) ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
