// Generated from schema/*.schema.json by `npm run schema:types`. Do not edit.

/**
 * Konfiguration von protokoll (protokoll.config.yaml im Wurzelverzeichnis des Repositorys). / Configuration of protokoll (protokoll.config.yaml at the repository root).
 */
export interface ProtokollConfig {
  /**
   * IANA-Zeitzone für Uhrzeiten und „heute“. / IANA time zone for times and “today”.
   */
  time_zone?: string;
  /**
   * Sprache der Übersichtsseiten. / Language of the index pages.
   */
  site_language?: "de" | "en";
  /**
   * Unser Unternehmen, für Kopf- und Fußzeile. / Our company, for header and footer.
   */
  company?: {
    /**
     * Firmenname. / Company name.
     */
    name?: string;
    /**
     * Lokale Bilddatei (PNG, JPEG oder SVG), relativ zur Konfiguration; wird eingebettet, nie geladen. / Local image file, embedded, never fetched.
     */
    logo?: string;
  };
  /**
   * Schwellen der Befunde. / Thresholds the findings use.
   */
  thresholds?: {
    /**
     * Tage nach dem Termin, bis das Protokoll als verspätet gilt. / Days after the meeting until a missing recap is late.
     */
    protocol_late_days?: number;
    /**
     * Tage ohne Kontakt und ohne nächsten Schritt, bis ein Deal als eingeschlafen gilt. / Days without contact or next step until a deal is stale.
     */
    stale_days?: number;
    /**
     * Zeitraum der Seite „Demnächst“. / Window of the “upcoming” page.
     */
    upcoming_days?: number;
    /**
     * Ab so vielen Verschiebungen einer Frist gibt es einen Hinweis. / Postponements of a due date that call for a structured conversation.
     */
    due_pushed_max?: number;
    /**
     * Ab so vielen Tagen Verzug ist eine überfällige Aufgabe auf der Übersicht kritisch. / Days overdue after which an overdue action is critical on the index.
     */
    critical_overdue_days?: number;
    /**
     * Zielquote pünktlich erledigter Aufgaben. / Goal share of actions done on time.
     */
    on_time_goal?: number;
  };
  /**
   * Wörter, die keine Person sind (ersetzt die Standardliste). / Words that are not a person (replaces the default list).
   */
  vague_owners?: string[];
  /**
   * Chrome oder Chromium für die PDFs (Pfad, absolut oder relativ zur Konfiguration); ohne Angabe: PUPPETEER_EXECUTABLE_PATH, dann die üblichen Orte des Systems, dann Puppeteers Cache. / Chrome or Chromium that prints the PDFs (path, absolute or relative to this file); else PUPPETEER_EXECUTABLE_PATH, the system's usual places, Puppeteer's cache.
   */
  browser?: string;
  /**
   * Größte erlaubte Deal-Datei in KiB. / Largest accepted deal file in KiB.
   */
  max_file_kb?: number;
}
