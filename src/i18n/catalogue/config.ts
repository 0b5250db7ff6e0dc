// The configuration file (src/config/).
export const de = {
  "config.unknownZone": "Unbekannte Zeitzone „{zone}“.",
  "config.unknownZoneHint": "Einen IANA-Zonennamen wie `Europe/Berlin`, `Europe/Vienna` oder `Europe/Zurich` verwenden.",
  "config.logoType": "Das Logo „{file}“ ist keine PNG-, JPEG- oder SVG-Datei.",
  "config.logoTypeHint": "In eines dieser Formate umwandeln: {types}.",
  "config.logoMissing": "Die Logo-Datei „{file}“ gibt es nicht.",
  "config.logoMissingHint": "Den Pfad relativ zu {config} angeben, z. B. `logo: assets/logo.png`, oder `logo:` entfernen.",
  "config.logoSize": "Das Logo „{file}“ hat {kb} KB; höchstens {max} KB werden in jede Seite und jedes PDF eingebettet.",
  "config.logoSizeHint": "Verkleinern (ein paar hundert Pixel Breite genügen für den Druck) oder ein SVG verwenden.",
  "config.invalid": "Die Konfigurationsdatei ist ungültig:\n\n{text}",
  "config.invalidHint": "protokoll.config.yaml korrigieren; sie wird wie eine Deal-Datei geprüft.",
} as const;

export const en = {
  "config.unknownZone": 'Unknown time zone "{zone}".',
  "config.unknownZoneHint": "Use an IANA zone name such as `Europe/Berlin`, `Europe/Vienna` or `Europe/Zurich`.",
  "config.logoType": 'The logo "{file}" is not a PNG, JPEG or SVG file.',
  "config.logoTypeHint": "Convert it to one of {types}.",
  "config.logoMissing": 'The logo file "{file}" does not exist.',
  "config.logoMissingHint": "Give its path relative to {config}, e.g. `logo: assets/logo.png`, or remove `logo:`.",
  "config.logoSize": 'The logo "{file}" has {kb} KB; at most {max} KB are embedded in every page and PDF.',
  "config.logoSizeHint": "Scale it down (a few hundred pixels wide are plenty for print) or use an SVG.",
  "config.invalid": "The configuration file is invalid:\n\n{text}",
  "config.invalidHint": "Fix protokoll.config.yaml; it is checked like a deal file.",
} as const satisfies Record<keyof typeof de, string>;
