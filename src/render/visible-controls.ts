/**
 * The HTML sink's part Nunjucks autoescape leaves out: control characters. Deal fields cannot hold them (an
 * `invalid-field` error), but a file or folder name, or a message quoting one, still can; shown as a visible
 * escape (`\u001b`), they never reach a page raw. TAB, LF and CR are left to the page's own whitespace rules.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
