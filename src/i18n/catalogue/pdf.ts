// Printing PDFs (src/pdf/): the browser, and the findings of a print that overflowed, crashed or failed.
export const de = {
  "pdf-overflow.message": "Das Protokoll „{title}“ passt auch kompakt nicht auf eine A4-Seite.",
  "pdf-overflow.hint":
    "Zusammenfassung, Entscheidungen oder Risiken kürzen; ein Protokoll hat eine Seite. Das PDF wurde mit einer zweiten Seite geschrieben.",
  "pdf-retried.message": "Chromium ist beim Drucken von „{title}“ abgestürzt; das PDF wurde nach dem Neustart erneut gedruckt.",
  "pdf-retried.hint":
    "Das PDF einmal ansehen. Wiederholen sich die Abstürze: `--concurrency` senken oder den Speicher der Maschine prüfen.",
  "pdf-failed.message": "Das PDF von „{title}“ ließ sich nicht drucken: {reason}",
  "pdf.crashedTwice": "Der Browser ist beim Drucken dieses Deals zweimal abgestürzt.",
  "pdf.timeout": "Das Drucken dauerte länger als {seconds} s.",
  "pdf-failed.hint": "Den Build wiederholen; scheitert er erneut, mit dieser Meldung melden.",
  "pdf.noChromium": "Kein Chromium gefunden, um die PDFs zu drucken.",
  "pdf.noChromiumHint":
    "Eines mit `{command}` installieren (oder das Paket des Systems, z. B. `apt-get install chromium`).{named} Oder PUPPETEER_EXECUTABLE_PATH oder `browser:` in protokoll.config.yaml auf ein Chrome/Chromium zeigen lassen. `protokoll doctor` zeigt, was gefunden wird; `--no-pdf` baut ohne PDFs.",
  "pdf.noAnswer": "Chromium ({path}) antwortete nicht binnen {seconds} s nach dem Start und wurde beendet.",
  "pdf.noAnswerHint":
    "Prüfen, ob das ein funktionierendes Chrome/Chromium ist (`protokoll doctor`), auf einer sehr langsamen Maschine das Limit mit PROTOKOLL_BROWSER_TIMEOUT_MS erhöhen, oder mit `--no-pdf` bauen.",
  "pdf-overflow.tooLong":
    "Das Protokoll „{title}“ ist viel zu lang für eine A4-Seite ({characters} Zeichen in {blocks} Absätzen und Listenpunkten; eine Seite fasst etwa {maxCharacters} Zeichen in {maxBlocks}), daher wurde kein PDF gedruckt.",
  "pdf-overflow.tooLongHint":
    "Zusammenfassung, Entscheidungen oder Risiken auf das kürzen, was der Kunde braucht; ein Protokoll hat eine Seite.",
  "pdf.namedMissing": " {what} nennt „{path}“, das es nicht gibt;",
  "pdf.didNotStart": "Chromium startete nicht ({path}): {detail}",
  "pdf.didNotStartHint":
    "Die Browser-Installation mit `protokoll doctor` prüfen, PUPPETEER_EXECUTABLE_PATH auf einen anderen zeigen lassen, oder mit `--no-pdf` bauen.",
} as const;

export const en = {
  "pdf-overflow.message": 'The protocol of "{title}" does not fit one A4 page, even in the compact layout.',
  "pdf-overflow.hint": "Shorten the summary, decisions or risks; a recap is one page. The PDF was written with a second page.",
  "pdf-retried.message": 'Chromium crashed while printing "{title}"; it was restarted and the PDF printed again.',
  "pdf-retried.hint": "Look at the PDF once. If crashes repeat, lower `--concurrency` or check the machine's memory.",
  "pdf-failed.message": 'The PDF of "{title}" could not be printed: {reason}',
  "pdf.crashedTwice": "The browser crashed twice while printing this deal.",
  "pdf.timeout": "Printing took longer than {seconds} s.",
  "pdf-failed.hint": "Run the build again; if it fails again, report it with this message.",
  "pdf.noChromium": "No Chromium found to print the PDFs.",
  "pdf.noChromiumHint":
    "Install one with `{command}` (or the system's package, e.g. `apt-get install chromium`).{named} Or point PUPPETEER_EXECUTABLE_PATH or `browser:` in protokoll.config.yaml at a Chrome/Chromium binary. `protokoll doctor` shows what is found; `--no-pdf` builds without PDFs.",
  "pdf.noAnswer": "Chromium ({path}) did not answer within {seconds} s of starting; it was stopped.",
  "pdf.noAnswerHint":
    "Check that this is a working Chrome/Chromium (`protokoll doctor`), raise the limit with PROTOKOLL_BROWSER_TIMEOUT_MS on a very slow machine, or build with `--no-pdf`.",
  "pdf-overflow.tooLong":
    'The protocol of "{title}" is far too long for one A4 page ({characters} characters in {blocks} paragraphs and list items; one page holds about {maxCharacters} characters in {maxBlocks}), so no PDF was printed.',
  "pdf-overflow.tooLongHint": "Shorten the summary, decisions or risks to what the client needs; a recap is one page.",
  "pdf.namedMissing": ' {what} names "{path}", which does not exist;',
  "pdf.didNotStart": "Chromium did not start ({path}): {detail}",
  "pdf.didNotStartHint":
    "Check the browser installation with `protokoll doctor`, point PUPPETEER_EXECUTABLE_PATH at another one, or build with `--no-pdf`.",
} as const satisfies Record<keyof typeof de, string>;
