// Generated from schema/*.schema.json by `npm run schema:types`. Do not edit.

export type Markdown = string;
export type Line = string;

/**
 * Ein Deal: das Protokoll eines Termins mit Aufgaben, Fristen und nächstem Termin. / One deal: the protocol of a meeting with actions, deadlines and the next appointment.
 */
export interface DealFile {
  /**
   * Titel des Deals, z. B. „Liefervertrag Strom 2027–2029“. / Title of the deal.
   */
  title: string;
  /**
   * Name des Kunden (Firma). / The customer's name (company).
   */
  customer: string;
  /**
   * Stand des Deals: active (Standard), won, lost, paused. / State of the deal.
   */
  status?: "active" | "won" | "lost" | "paused";
  /**
   * Sprache von Seite, PDF, Kalender und Mail: de (Standard) oder en. / Language of page, PDF, calendar and mail.
   */
  language?: "de" | "en";
  /**
   * Der Termin, den dieses Protokoll festhält. / The meeting this protocol records.
   */
  meeting: {
    /**
     * Datum des Termins (JJJJ-MM-TT). / Date of the meeting (YYYY-MM-DD).
     */
    date: string;
    /**
     * Beginn (HH:MM, 24 h). / Start time (HH:MM, 24 h).
     */
    time?: string;
    /**
     * Dauer in Minuten. / Duration in minutes.
     */
    duration?: number;
    /**
     * Ort oder Kanal, z. B. „Musterstadt, Raum 2“ oder „Videokonferenz“. / Place or channel.
     */
    place?: string;
  };
  /**
   * Teilnehmende mit Position und Durchwahl. / Participants with their position and phone extension.
   *
   * @maxItems 50
   */
  participants?: {
    /**
     * Vor- und Nachname. / Full name.
     */
    name: string;
    /**
     * Firma. / Company.
     */
    company?: string;
    /**
     * Position, z. B. „Leitung Einkauf“. / Position.
     */
    role?: string;
    /**
     * Telefon oder Durchwahl, in Anführungszeichen. / Phone or extension, quoted.
     */
    phone?: string;
    /**
     * E-Mail-Adresse; Empfänger des Protokolls. / E-mail address; recipient of the recap.
     */
    email?: string;
    /**
     * Auf welcher Seite die Person steht; ohne Angabe: „ours“, wenn `company` unser Unternehmen ist (Konfiguration oder `sender.company`), sonst „client“. / Which side the person is on; default: `ours` when `company` is our company, else `client`.
     */
    side?: "client" | "ours";
  }[];
  /**
   * Wer das Protokoll verschickt: Absender im Briefkopf, in der Mail (From) und im Kalender (ORGANIZER); ersetzt `sender:` der Konfiguration. / Who sends the recap: letterhead, mail From and calendar ORGANIZER; replaces the configuration's `sender:`.
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
     * Unser Unternehmen, falls abweichend von der Konfiguration. / Our company, if not the configured one.
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
   * Kurze Zusammenfassung (Markdown), geht an den Kunden. / Short summary (Markdown), client-facing.
   */
  summary?: string;
  /**
   * Getroffene Entscheidungen (Markdown), geht an den Kunden. / Decisions taken (Markdown), client-facing.
   *
   * @maxItems 50
   */
  decisions?: Markdown[];
  /**
   * Fakten des Deals: Lieferung, Zahlung, Auftragsbestätigung. / Facts of the deal: delivery, payment, order confirmation.
   */
  terms?: {
    /**
     * Lieferzeiten und -bedingungen. / Delivery times and terms.
     */
    delivery?: string;
    /**
     * Zahlungsbedingungen. / Payment terms.
     */
    payment?: string;
    /**
     * Preise und Konditionen. / Prices and conditions.
     */
    pricing?: string;
    /**
     * Laufzeit und Kündigung. / Contract term and notice.
     */
    contract_term?: string;
    /**
     * Wie der Kunde die Auftragsbestätigung wünscht. / How the customer wants the order confirmation.
     */
    confirmation?: {
      /**
       * Post, Fax oder E-Mail. / Post, fax or e-mail.
       */
      channel?: "post" | "fax" | "email";
      /**
       * Anzahl der Exemplare. / Number of copies.
       */
      copies?: number;
    };
    /**
     * Weitere vereinbarte Bedingungen. / Further agreed terms.
     *
     * @maxItems 30
     */
    other?: Markdown[];
  };
  /**
   * Optionen für ein schwieriges Gespräch (z. B. A, B, C), je mit Wenn-dann, Zeitrahmen und Erfolgskriterium. / Options for a difficult conversation, each with if-then, time frame and definition of success.
   *
   * @maxItems 10
   */
  options?: {
    /**
     * Kurzzeichen, z. B. A. / Short key, e.g. A.
     */
    key: string;
    /**
     * Die Option in einem Satz. / The option in one sentence.
     */
    title: string;
    /**
     * Wenn-dann-Aussage. / If-then statement.
     */
    if_then?: string;
    /**
     * Zeitrahmen. / Time frame.
     */
    timeframe?: string;
    /**
     * Woran Erfolg gemessen wird. / Definition of success.
     */
    success?: string;
  }[];
  /**
   * Kurzzeichen der gewählten Option. / Key of the chosen option.
   */
  chosen_option?: string;
  /**
   * Wer macht was bis wann. Jede Aufgabe mit einer Person und einem Datum. / Who does what by when. Every task with one person and a date.
   *
   * @maxItems 100
   */
  actions?: {
    /**
     * Optionale feste Kennung, damit Umformulierungen im Diff als dieselbe Aufgabe erkannt werden. / Optional stable id, so rewording shows as the same action in diffs.
     */
    id?: string;
    /**
     * Die Aufgabe. / The task.
     */
    task: string;
    /**
     * Eine konkrete Person (kein „wir“, kein „Team“). / One named person.
     */
    owner?: string;
    /**
     * Frist (JJJJ-MM-TT). / Due date (YYYY-MM-DD).
     */
    due?: string;
    /**
     * open (Standard), done, dropped.
     */
    status?: "open" | "done" | "dropped";
    /**
     * Erledigt am (JJJJ-MM-TT). / Done on (YYYY-MM-DD).
     */
    done_on?: string;
    /**
     * Kurze Anmerkung, geht an den Kunden. / Short note, client-facing.
     */
    note?: string;
  }[];
  /**
   * Offene Fragen, die bis zum nächsten Termin geklärt werden (Markdown), geht an den Kunden. / Open questions to settle by the next meeting (Markdown), client-facing.
   *
   * @maxItems 20
   */
  open_questions?: Markdown[];
  /**
   * Offene Risiken (Markdown), geht an den Kunden. / Open risks (Markdown), client-facing.
   *
   * @maxItems 30
   */
  risks?: Markdown[];
  /**
   * Der nächste Termin: immer festlegen. / The next appointment: always fix it.
   */
  next_meeting?: {
    /**
     * Datum (JJJJ-MM-TT). / Date (YYYY-MM-DD).
     */
    date: string;
    /**
     * Beginn (HH:MM, 24 h). / Start time (HH:MM, 24 h).
     */
    time?: string;
    /**
     * Erwartete Dauer in Minuten. / Expected duration in minutes.
     */
    duration?: number;
    /**
     * Ort oder Kanal. / Place or channel.
     */
    place?: string;
    /**
     * Themen. / Agenda items.
     *
     * @maxItems 20
     */
    agenda?: Line[];
  };
  /**
   * Kommunikationswege und Rhythmus, z. B. feste Update-Fenster. / Communication channels and rhythm.
   */
  communication?: {
    /**
     * Z. B. „dienstags 09:00, 20 Minuten“. / E.g. “Tuesdays 9:00, 20 minutes”.
     */
    rhythm?: string;
    /**
     * Z. B. „Telefon, Protokoll per E-Mail“. / E.g. “phone, recap by e-mail”.
     */
    channel?: string;
    /**
     * Datum der Review-Sitzung (JJJJ-MM-TT). / Date of the review session.
     */
    review?: string;
  };
  /**
   * Eskalationsstufen, wenn der Partner nicht reagiert. / Escalation steps when the partner does not answer.
   *
   * @maxItems 10
   */
  escalation?: {
    /**
     * Auslöser, z. B. „keine Antwort nach 3 Tagen“. / Trigger.
     */
    when: string;
    /**
     * Maßnahme. / Action.
     */
    then: string;
  }[];
  /**
   * Klare Abbruchkriterien: wann wir den Deal sauber beenden. / Clear abort criteria: when we close the deal cleanly.
   *
   * @maxItems 10
   */
  abort_criteria?: Markdown[];
  /**
   * Grund für ein „Nein“ (bei status: lost). / Reason for a “no” (with status: lost).
   */
  lost_reason?: string;
  /**
   * Wann das Protokoll an den Kunden ging (JJJJ-MM-TT). / When the recap went out (YYYY-MM-DD).
   */
  protocol_sent?: string;
  /**
   * Optionaler „Stand“; sonst das Datum des letzten Commits der Datei, sonst meeting.date. / Optional “as of” date.
   */
  updated?: string;
  /**
   * Intern: auf der Website sichtbar, NIE im PDF, in der Mail oder im Kalender. / Internal: shown on the site, NEVER in the PDF, mail or calendar.
   */
  internal?: {
    /**
     * Interne Notizen (Markdown). / Internal notes (Markdown).
     */
    notes?: string;
    /**
     * Emotionale Signale, Eindrücke von Personen. / Emotional signals, impressions of people.
     *
     * @maxItems 30
     */
    signals?: Markdown[];
    /**
     * Lessons learned: was funktionierte, wo es hakte. / What worked, where there was reluctance.
     *
     * @maxItems 30
     */
    lessons?: Markdown[];
    /**
     * Verdeckte Bedarfe, Budgethinweise, Empfehlungen. / Hidden needs, budget hints, referrals.
     *
     * @maxItems 30
     */
    hidden_needs?: Markdown[];
  };
}
