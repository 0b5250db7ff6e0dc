// "GMBH & CO. / KG": the letterhead wrapped inside the legal form.
import { describe, expect, it } from "vitest";
import { keepLegalFormTogether } from "../../src/util/legal-form.js";

describe("keepLegalFormTogether", () => {
  it.each([
    ["Müller & Söhne GmbH & Co. KG", "Müller & Söhne GmbH\u00a0&\u00a0Co.\u00a0KG"],
    ["Hafen AG & Co. KGaA", "Hafen AG\u00a0&\u00a0Co.\u00a0KGaA"],
    ["Start UG (haftungsbeschränkt)", "Start UG\u00a0(haftungsbeschränkt)"],
    ["Freunde des Hafens e. V.", "Freunde des Hafens e.\u00a0V."],
    ["Stadtwerke Musterstadt GmbH", "Stadtwerke Musterstadt GmbH"],
  ])("%s keeps its legal form on one line", (name, expected) => {
    expect(keepLegalFormTogether(name)).toBe(expected);
  });
});
