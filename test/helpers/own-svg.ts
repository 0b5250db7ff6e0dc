// The SVGs the package itself writes, as their exact opening tags: the trend chart (src/render/charts/trend-chart.ts)
// and the "internal" padlock (templates/_includes/lock-icon.njk). Deal text is escaped and can never produce a tag,
// so any other <svg>, or one of ours with an attribute more or less, is a finding of the security tests.
const OWN_SVG_OPENINGS = [
  /<svg class="trend-svg" viewBox="[\d ]+" width="\d+" height="\d+" aria-hidden="true" focusable="false">/,
  /<svg class="icon-lock" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">/,
];

/** Whether `tag` (one whole opening tag) is exactly one of our own SVGs. */
export function isOwnSvgTag(tag: string): boolean {
  return OWN_SVG_OPENINGS.some((re) => new RegExp(`^${re.source}$`).test(tag));
}

/** The HTML with the opening tags of our own SVGs removed, so what is left must contain no <svg at all. */
export function withoutOwnSvg(html: string): string {
  return OWN_SVG_OPENINGS.reduce((rest, re) => rest.replace(new RegExp(re.source, "g"), ""), html);
}
