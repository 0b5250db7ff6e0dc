// The caret frame under a finding: it must point at the column, also in very long lines.
import { describe, expect, it } from "vitest";
import { codeFrame } from "../../src/report/code-frame.js";

describe("codeFrame", () => {
  it.each([
    { name: "a short line", text: "  - task: Angebot", column: 11, char: "A" },
    { name: "column 795 of a 3000-character line", text: `${"a".repeat(794)}X${"b".repeat(2205)}`, column: 795, char: "X" },
    { name: "near the end of a long line", text: `${"a".repeat(999)}Z`, column: 1000, char: "Z" },
    { name: "column 150 of a 200-character line", text: `${"a".repeat(149)}Y${"c".repeat(50)}`, column: 150, char: "Y" },
  ])("$name", ({ text, column, char }) => {
    const frame = codeFrame(text, 5, column, 1);
    const [source = "", carets = ""] = frame.split("\n");
    expect(source.length).toBeLessThanOrEqual(170);
    expect(source.charAt(carets.indexOf("^"))).toBe(char);
  });

  it("shows control characters as dots and tabs as spaces", () => {
    expect(codeFrame("a\tb\u0007c", 1, 1)).toContain("a b·c");
  });
});
