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
  "config.logoOutside":
    "Das Logo „{file}“ liegt (über einen symbolischen Link oder `..`) außerhalb des Repositorys und wird nicht eingebettet.",
  "config.logoOutsideHint": "Die Logo-Datei ins Repository kopieren und ihren Pfad relativ zu {config} angeben.",
  "config.outside": "{file} wurde nicht gelesen: sie ist ein symbolischer Link, der aus dem Repository hinauszeigt.",
  "config.outsideHint": "Die Konfiguration als Datei ins Repository legen, statt sie zu verlinken.",
  "config.special":
    "{file} wurde nicht gelesen: sie ist keine gewöhnliche Datei (ein Gerät, eine FIFO, ein Ordner oder ein Link ins Leere).",
  "config.specialHint": "protokoll.config.yaml als gewöhnliche YAML-Datei anlegen.",
  "config.tooLarge": "{file} wurde nicht gelesen: sie ist größer als {max} KB.",
  "config.tooLargeHint": "Eine Konfiguration braucht wenige KB; Listen wie `vague_owners` kürzen.",
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
  "config.logoOutside": 'The logo "{file}" is outside the repository (through a symbolic link or `..`) and is not embedded.',
  "config.logoOutsideHint": "Copy the logo file into the repository and give its path relative to {config}.",
  "config.outside": "{file} was not read: it is a symbolic link pointing out of the repository.",
  "config.outsideHint": "Put the configuration into the repository as a file instead of linking it.",
  "config.special": "{file} was not read: it is not a regular file (a device, a FIFO, a folder or a dangling link).",
  "config.specialHint": "Make protokoll.config.yaml a plain YAML file.",
  "config.tooLarge": "{file} was not read: it is larger than {max} KB.",
  "config.tooLargeHint": "A configuration needs a few KB; shorten lists such as `vague_owners`.",
  "config.invalid": "The configuration file is invalid:\n\n{text}",
  "config.invalidHint": "Fix protokoll.config.yaml; it is checked like a deal file.",
} as const satisfies Record<keyof typeof de, string>;
