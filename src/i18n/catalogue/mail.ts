// The recap mail (src/export/recap-mail.ts).
export const de = {
  "mail.subject": "Protokoll: {title} – {date}",
  "mail.greeting": "Guten Tag,",
  "mail.greetingMr": "Sehr geehrter Herr {name}",
  "mail.greetingMs": "Sehr geehrte Frau {name}",
  "mail.greetingDu": "Hallo {name}",
  "mail.greetingNeutral": "Guten Tag {name}",
  "mail.greetingAll": "Guten Tag zusammen,",
  "mail.thanksAttached":
    "vielen Dank für das Gespräch am {date}. Im Anhang finden Sie das Protokoll; hier das Wichtigste in Kürze.",
  "mail.thanks": "vielen Dank für das Gespräch am {date}. Hier das Wichtigste in Kürze.",
  "mail.thanksAttachedDu":
    "vielen Dank für das Gespräch am {date}. Im Anhang findest du das Protokoll; hier das Wichtigste in Kürze.",
  "mail.by": "bis {date}",
  "mail.regards": "Viele Grüße",
} as const;

export const en = {
  "mail.subject": "Meeting notes: {title} – {date}",
  "mail.greeting": "Hello,",
  "mail.greetingMr": "Dear Mr {name}",
  "mail.greetingMs": "Dear Ms {name}",
  "mail.greetingDu": "Dear {name}",
  "mail.greetingNeutral": "Dear {name}",
  "mail.greetingAll": "Hello all,",
  "mail.thanksAttached": "thank you for the meeting on {date}. Please find the notes attached; here is the gist.",
  "mail.thanks": "thank you for the meeting on {date}. Here is the gist.",
  "mail.thanksAttachedDu": "thank you for the meeting on {date}. Please find the notes attached; here is the gist.",
  "mail.by": "by {date}",
  "mail.regards": "Kind regards",
} as const satisfies Record<keyof typeof de, string>;
