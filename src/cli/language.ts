import { loadConfig } from "../config/load-config.js";
import { ProtokollError } from "../errors.js";
import { phrase } from "../i18n/translate.js";
import { isLanguage, type Language } from "../time/language.js";

/**
 * The language the CLI speaks: `--lang`, else `PROTOKOLL_LANG`, else the configured `site_language`, else
 * German. Findings about a deal on its page, in its PDF-adjacent files and in `diff` use the deal's language.
 */
export async function resolveLanguage(flag: string | undefined, env = process.env): Promise<Language> {
  if (flag !== undefined) return checked(flag, "--lang");
  const fromEnv = env.PROTOKOLL_LANG;
  if (fromEnv !== undefined && fromEnv !== "") return checked(fromEnv, "PROTOKOLL_LANG");
  const { config } = await loadConfig();
  return config.siteLanguage;
}

function checked(text: string, source: string): Language {
  const value = text.trim().toLowerCase();
  if (isLanguage(value)) return value;
  throw new ProtokollError(phrase("cli.badLanguage", { source, text }), phrase("cli.badLanguageHint"));
}
