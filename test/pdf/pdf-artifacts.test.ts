// Painting outside marked content becomes an Artifact (src/pdf/pdf-artifacts.ts), on content streams shaped like
// Chromium's: `<</MCID n >>BDC` without a space, a watermark text object after the last EMC, path construction
// before its painting, strings that hold operator names and parentheses. The whole-PDF check over Chromium's real
// output is test/pdf/pdf-structure.test.ts.
import { describe, expect, it } from "vitest";
import { contentOperators, wrapUntaggedContent } from "../../src/pdf/pdf-artifacts.js";

describe("reading a content stream's operators", () => {
  it("reads `>>BDC` as a BDC after its dictionary operand", () => {
    const ops = contentOperators("/NonStruct <</MCID 0 >>BDC\nEMC");
    expect(ops?.map((op) => op.name)).toEqual(["BDC", "EMC"]);
    expect(ops?.[0]?.start).toBe(0);
  });

  it("does not take operator names inside strings, names or hex strings for operators", () => {
    const ops = contentOperators("BT (EMC \\) BDC (nested) Tj) Tj <454D43> Tj /EMC 1 Tf [(a) -3 (b)] TJ ET");
    expect(ops?.map((op) => op.name)).toEqual(["BT", "Tj", "Tj", "Tf", "TJ", "ET"]);
  });

  it("reads an inline image as one painting operator", () => {
    const ops = contentOperators("q BI /W 1 /H 1 /BPC 8 /CS /G ID \u0000EI\u00ff EI Q");
    expect(ops?.map((op) => op.name)).toEqual(["q", "EI", "Q"]);
  });

  it("gives up on an unterminated string", () => {
    expect(contentOperators("BT (open Tj ET")).toBeUndefined();
  });
});

describe("wrapping untagged painting as an Artifact", () => {
  it("wraps the watermark's text object that follows the last tagged sequence, whole", () => {
    const content = "/P <</MCID 0 >>BDC\nBT <01> Tj ET\nq 1 0 0 1 5 5 cm\nEMC\nBT\n/F5 53 Tf\n<0006> Tj\nET\nQ\n";
    expect(wrapUntaggedContent(content)).toBe(
      "/P <</MCID 0 >>BDC\nBT <01> Tj ET\nq 1 0 0 1 5 5 cm\nEMC\n/Artifact BMC\nBT\n/F5 53 Tf\n<0006> Tj\nET\nQ\nEMC\n",
    );
  });

  it("wraps a path with its construction, and stops before the next tagged sequence", () => {
    const content = "q 0 0 10 10 re f Q /Span <</MCID 1 >>BDC BT (x) Tj ET EMC";
    expect(wrapUntaggedContent(content)).toBe("/Artifact BMC\nq 0 0 10 10 re f Q\nEMC /Span <</MCID 1 >>BDC BT (x) Tj ET EMC");
  });

  it("keeps the sequence inside a text object that has marked content of its own", () => {
    const content = "BT (a) Tj /Span <</MCID 2 >>BDC (b) Tj EMC (c) Tj ET";
    expect(wrapUntaggedContent(content)).toBe(
      "BT /Artifact BMC\n(a) Tj\nEMC /Span <</MCID 2 >>BDC (b) Tj EMC /Artifact BMC\n(c) Tj\nEMC ET",
    );
  });

  it("leaves alone what is all tagged, or paints nothing outside marked content", () => {
    expect(wrapUntaggedContent("/P <</MCID 0 >>BDC BT (a) Tj ET EMC")).toBeUndefined();
    expect(wrapUntaggedContent("q 1 0 0 1 0 0 cm 0 0 5 5 re W n Q /P <</MCID 0 >>BDC EMC")).toBeUndefined();
  });

  it("leaves alone a stream whose marked content does not balance", () => {
    expect(wrapUntaggedContent("EMC BT (a) Tj ET")).toBeUndefined();
    expect(wrapUntaggedContent("/P <</MCID 0 >>BDC BT (a) Tj ET")).toBeUndefined();
  });

  it("wraps a text object and a stroke on either side of a tagged sequence, each on its own", () => {
    const content = "BT (a) Tj ET /P <</MCID 0 >>BDC EMC 0 0 1 1 re S";
    expect(wrapUntaggedContent(content)).toBe(
      "/Artifact BMC\nBT (a) Tj ET\nEMC /P <</MCID 0 >>BDC EMC /Artifact BMC\n0 0 1 1 re S\nEMC",
    );
  });
});
