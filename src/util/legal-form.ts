// A company's legal form is one unit in print: "Müller & Söhne GmbH & Co. KG" may wrap before "GmbH", never
// inside "GmbH & Co. KG" (the letterhead showed "GMBH & CO. / KG").
const LEGAL_FORMS =
  /\b(?:(?:GmbH|AG|UG|SE|Ltd\.?|Inc\.?|mbH|KGaA|Stiftung) & Co\. (?:KGaA|KG|OHG)|UG \(haftungsbeschränkt\)|e\. ?V\.|e\. ?K\.|Co\. KG|S\.à r\.l\.|B\.V\.|N\.V\.)/g;

/** `name` with the spaces inside each legal form as no-break spaces (U+00A0). */
export function keepLegalFormTogether(name: string): string {
  return name.replace(LEGAL_FORMS, (form) => form.replace(/ /g, "\u00a0"));
}
