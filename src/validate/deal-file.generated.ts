// Generated from schema/*.schema.json by `npm run schema:types`. Do not edit.

export type Markdown = string;
/**
 * Eine Zeile (Markdown) oder `{text, internal}`; `internal: true` hält sie aus allem, was der Kunde bekommt. / A line (Markdown) or `{text, internal}`; `internal: true` keeps it out of everything the client gets.
 */
export type ListItem =
  | Markdown
  | {
      /**
       * Der Eintrag (Markdown). / The item (Markdown).
       */
      text: string;
      /**
       * Nur fürs Team. / Team-only.
       */
      internal?: boolean;
    };
export type Line = string;
/**
 * Ein Abbruchkriterium: Text (Markdown) oder `{text, by, internal}`. / An abort criterion: text (Markdown) or `{text, by, internal}`.
 */
export type AbortCriterion =
  | Markdown
  | {
      /**
       * Das Kriterium (Markdown). / The criterion (Markdown).
       */
      text: string;
      /**
       * Bis wann entschieden wird (JJJJ-MM-TT); danach → decision-due. / Decide by this date; after it → decision-due.
       */
      by?: string;
      /**
       * Nur fürs Team: nie im PDF oder auf der Kunden-Website. / Team-only: never in the PDF or on the client site.
       */
      internal?: boolean;
    };

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
   * Wie die Mails den Kunden ansprechen: Sie (Standard) oder du. / How the mails address the client: Sie (default) or du.
   */
  address?: "Sie" | "du";
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
    /**
     * Anrede in Mails: „Herr“, „Frau“ oder frei („Hallo Martin“). / Salutation in mails: “Herr”, “Frau” or a free form (“Hallo Martin”).
     */
    salutation?: string;
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
     * Eine konkrete Person (kein „wir“, kein „Team“). Gleich geschrieben (auch in anderer Unicode-Normalform, Groß-/Kleinschreibung, Leerzeichen) ist dieselbe Person: eine Seite, ein Kalender unter owners/<slug>/. / One named person. The same name (also in another Unicode normalization form, case or spacing) is the same person: one page, one calendar under owners/<slug>/.
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
    /**
     * Nur fürs Team: auf der Team-Website, den Personenseiten und Team-Kalendern; nie im PDF, in einer Mail, im Kalender des Deals oder auf der Kunden-Website. / Team-only: on the team site, owner pages and team feeds; never in the PDF, a mail, the deal's calendar or the client site.
     */
    internal?: boolean;
  }[];
  /**
   * Das Kontaktprotokoll: jeder Kontakt nach dem Termin, der neueste zuletzt; intern, nie in PDF, Mail oder Kalender. / The contact log: every touch after the meeting, newest last; internal, never in the PDF, a mail or a calendar.
   *
   * @maxItems 200
   */
  contacts?: Contact[];
  /**
   * Die mit dem Kunden vereinbarte Zusage, z. B. >90 % der Maßnahmen in 30 Tagen pünktlich; sonst gilt `exit_option`. / The commitment agreed with the client, e.g. >90 % of the measures on time within 30 days; else `exit_option` applies.
   */
  kpi?: {
    /**
     * Ziel: Anteil der im Zeitfenster fälligen Maßnahmen, die pünktlich erledigt sind, z. B. 0.9. / Goal: share of the measures due in the window done on time, e.g. 0.9.
     */
    goal: number;
    /**
     * Länge des Zeitfensters in Tagen (Standard 30). / Length of the window in days (default 30).
     */
    window_days?: number;
    /**
     * Beginn des Zeitfensters; Standard: meeting.date. / Start of the window; default: meeting.date.
     */
    since?: string;
    /**
     * Die Option (`options[].key`), die gilt, wenn das Ziel verfehlt wird. / The option (`options[].key`) that applies when the goal is missed.
     */
    exit_option?: string;
  };
  /**
   * Offene Fragen, die bis zum nächsten Termin geklärt werden (Markdown), geht an den Kunden. / Open questions to settle by the next meeting (Markdown), client-facing.
   *
   * @maxItems 20
   */
  open_questions?: Markdown[];
  /**
   * Offene Risiken (Markdown), gehen an den Kunden; ein Eintrag `{text, internal: true}` bleibt im Team. / Open risks (Markdown), client-facing; an item `{text, internal: true}` stays with the team.
   *
   * @maxItems 30
   */
  risks?: ListItem[];
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
     * Der vereinbarte Rhythmus: ein Text („dienstags 09:00, 20 Minuten“) oder `{weekday, time, duration}`, dann ein wiederkehrender Termin im Kalender des Deals. / The agreed rhythm: a text, or `{weekday, time, duration}`, then a recurring event in the deal's calendar.
     */
    rhythm?: Line | Rhythm;
    /**
     * Z. B. „Telefon, Protokoll per E-Mail“. / E.g. “phone, recap by e-mail”.
     */
    channel?: string;
    /**
     * Datum der vereinbarten Review-Sitzung (JJJJ-MM-TT): steht im Kalender; danach ohne Termin oder Kontakt → review-due. / Date of the agreed review (YYYY-MM-DD): in the calendar; passed with no meeting or contact since → review-due.
     */
    review?: string;
  };
  /**
   * Die Kaskade, wenn der Kunde schweigt: `{after_days, step}` (reminder, importance, question, close); ohne Angabe die der Konfiguration. Auch `{when, then}` (Text, wird gedruckt). / The cascade when the client is silent: `{after_days, step}`; without it the configuration's. Also `{when, then}` (text, printed).
   *
   * @maxItems 10
   */
  escalation?: (EscalationStep | EscalationRule)[];
  /**
   * Klare Abbruchkriterien: wann wir den Deal sauber beenden. Ein Text, oder `{text, by, internal}`: mit `by` wird geprüft, ob die Entscheidung fällig ist. / Clear abort criteria: when we close the deal cleanly. A text, or `{text, by, internal}`: with `by` the decision date is checked.
   *
   * @maxItems 10
   */
  abort_criteria?: AbortCriterion[];
  /**
   * Grund für ein „Nein“ (bei status: lost). / Reason for a “no” (with status: lost).
   */
  lost_reason?: string;
  /**
   * Wann das Protokoll an den Kunden ging (JJJJ-MM-TT). / When the recap went out (YYYY-MM-DD).
   */
  protocol_sent?: string;
  /**
   * Optionaler „Stand“; sonst protocol_sent, sonst meeting.date. Nie ein Kontakt. / Optional “as of” date; else protocol_sent, else meeting.date. Never a contact.
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
/**
 * Ein Kontakt. / One touch.
 */
export interface Contact {
  /**
   * Datum (JJJJ-MM-TT). / Date (YYYY-MM-DD).
   */
  date: string;
  /**
   * call, mail, meeting, visit, letter, chat.
   */
  channel: "call" | "mail" | "meeting" | "visit" | "letter" | "chat";
  /**
   * out: wir haben uns gemeldet · in: der Kunde hat geantwortet oder kam auf uns zu. / out: we reached out · in: the client answered or came to us.
   */
  direction: "out" | "in";
  /**
   * Mit wem (Name einer teilnehmenden Person). / With whom (a participant's name).
   */
  with?: string;
  /**
   * Kurze Notiz, intern. / Short note, internal.
   */
  note?: string;
  /**
   * Ausweichende Antwort („Ich melde mich noch“). / An evasive answer (“I'll get back to you”).
   */
  evasive?: boolean;
}
/**
 * Ein fester Termin jede Woche. / A fixed appointment every week.
 */
export interface Rhythm {
  /**
   * Wochentag (englisch). / Weekday.
   */
  weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
  /**
   * Beginn (HH:MM, 24 h). / Start time (HH:MM, 24 h).
   */
  time: string;
  /**
   * Dauer in Minuten. / Duration in minutes.
   */
  duration?: number;
}
/**
 * Eine Stufe der Kaskade. / One step of the cascade.
 */
export interface EscalationStep {
  /**
   * Tage seit unserem letzten unbeantworteten Kontakt (oder dem Protokoll, oder dem Termin). / Days since our last unanswered contact (or the recap, or the meeting).
   */
  after_days: number;
  /**
   * reminder: freundlich erinnern · importance: sagen, was auf dem Spiel steht · question: eine Frage, mit einem Wort zu beantworten · close: fragen, ob wir das Thema schließen. / reminder: a friendly reminder · importance: what is at stake · question: one question answerable in a word · close: ask whether to close the topic.
   */
  step: "reminder" | "importance" | "question" | "close";
}
/**
 * Eine Stufe als Text (v2): Auslöser und Maßnahme; wird gedruckt, nicht geprüft. / A step as text (v2): trigger and action; printed, not checked.
 */
export interface EscalationRule {
  /**
   * Auslöser, z. B. „keine Antwort nach 3 Tagen“. / Trigger.
   */
  when: string;
  /**
   * Maßnahme. / Action.
   */
  then: string;
}
