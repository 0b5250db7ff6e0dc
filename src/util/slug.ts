/**
 * A URL- and file-safe slug of a name: German umlauts and ß spelled out ("Ülkü Demir" → "uelkue-demir"), other
 * accents dropped, everything else a dash, at most `max` characters, never ending in a dash; `fallback` when
 * nothing is left. Deal file names and owner pages both use it, so one name gives one slug everywhere.
 */
export function slugify(name: string, max: number, fallback: string): string {
  const slug = name
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return slug || fallback;
}
