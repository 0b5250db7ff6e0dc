/**
 * Deal text as inert Markdown on one line, for a pull-request comment or a chat: it must not open a heading,
 * list, link, image or raw HTML, and must not ping anyone or link an issue. Line breaks become spaces; the
 * characters that open inline Markdown or HTML are backslash-escaped (CommonMark §2.4); an `&` that would start
 * an entity (`&lt;`, `&#60;`) becomes `&amp;`, and every other `&` stays as written ("Müller & Söhne" in a chat
 * that shows Markdown as text reads as it should);
 * a zero-width space after `@` and `#` keeps GitHub and chats from making mentions and issue links, and one in
 * `://` and `www.` keeps them from autolinking addresses.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;")
    .replace(/[\\`*_[\]<>!|~]/g, "\\$&")
    .replace(/@/g, "@\u200b")
    .replace(/#/g, "#\u200b")
    .replace(/:\/\//g, ":\u200b//")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
}
