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
   * Wer Protokolle verschickt, wenn der Deal kein `sender:` hat. / Who sends recaps when a deal has no `sender:`.
   */
  sender?: {
    /**
     * Vor- und Nachname. / Full name.
     */
    name: string;
    /**
     * Position, z. B. „Key Account Manager“. / Position.
     */
    role?: string;
    /**
     * Firma, falls abweichend von `company.name`. / Company, if not `company.name`.
     */
    company?: string;
    /**
     * Telefon, in Anführungszeichen. / Phone, quoted.
     */
    phone?: string;
    /**
     * E-Mail-Adresse des Absenders. / The sender's e-mail address.
     */
    email?: string;
  };
  /**
   * Die Adresse der Team-Site (z. B. `https://deals.example.de/`): Mails an Verantwortliche verlinken damit die Deal-Seiten. / The team site's address (e.g. `https://deals.example.com/`): mails to owners link the deal pages with it.
   */
  site_url?: string;
  /**
   * Verantwortliche mit ihrer E-Mail-Adresse, für die Wochenmails (`protokoll review --per-owner`); sonst gilt die Adresse aus den Teilnehmern unserer Seite. / Owners with their e-mail address, for the weekly mails (`protokoll review --per-owner`); else the address from our side's participants.
   *
   * @maxItems 1000
   */
  owners?: {
    /**
     * Der Name, wie er in `owner:` steht. / The name as written in `owner:`.
     */
    name: string;
    /**
     * E-Mail-Adresse. / E-mail address.
     */
    email: string;
  }[];
  /**
   * Wann ein Protokoll versandbereit ist: welche Hinweise es zum Entwurf machen (PDF mit „ENTWURF“, Mail mit Betreff-Präfix). / When a recap is ready to send: which findings make it a draft.
   */
  send_ready?: {
    /**
     * Hinweis-Codes, die den Versand blockieren; nur solche, die nicht vom heutigen Datum abhängen. [] schaltet die Prüfung ab. / Finding codes that block sending; only ones that do not depend on today. [] turns the check off.
     */
    blocking?: (
      | "missing-owner"
      | "vague-owner"
      | "missing-due"
      | "missing-next-meeting"
      | "owner-not-participant"
      | "due-before-meeting"
    )[];
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
    /**
     * Die Kaskade für Deals ohne `escalation:`; Standard: reminder nach 7, importance nach 14, question nach 21, close nach 35 Tagen. / The cascade of deals without `escalation:`; default: reminder after 7, importance 14, question 21, close 35 days.
     *
     * @minItems 1
     * @maxItems 10
     */
    escalation?: {
      /**
       * Tage ohne Antwort. / Days without an answer.
       */
      after_days: number;
      /**
       * reminder, importance, question, close.
       */
      step: "reminder" | "importance" | "question" | "close";
    }[];
    /**
     * Ab so vielen gerissenen Fristen in so vielen Wochen → deadlines-missed (Standard 3 in 6). / This many missed deadlines within this many weeks → deadlines-missed (default 3 in 6).
     */
    missed_deadlines?: {
      /**
       * Anzahl. / Count.
       */
      count?: number;
      /**
       * Wochen vor heute. / Weeks before today.
       */
      weeks?: number;
    };
  };
  /**
   * Wörter, die keine Person sind (ersetzt die Standardliste; höchstens 500 Wörter zu je höchstens 100 Zeichen). / Words that are not a person (replaces the default list; at most 500 words of at most 100 characters each).
   *
   * @maxItems 500
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
