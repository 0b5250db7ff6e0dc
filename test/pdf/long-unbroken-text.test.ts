// Text in the PDF is shown whole or reported, never cut at the margin: printed by real Chromium, read back with
// pdftotext. The regression: a 250-character e-mail address and a 199-character customer ran off the page
// (a `nowrap` address widened its column past the margin) while the build said the recap fit one page.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfinfo } from "../helpers/poppler.js";
import { runCli } from "../helpers/run-cli.js";

const EMAIL = `${"a".repeat(59)}@${["b", "c", "d"].map((c) => c.repeat(60)).join(".")}.example`;
const LONG = {
  customer: "K".repeat(199),
  title: "T".repeat(199),
  name: "N".repeat(200),
  role: "R".repeat(200),
  phone: "9".repeat(120),
  task: "A".repeat(300),
  owner: "O".repeat(200),
  place: "P".repeat(300),
  summary: "S".repeat(400),
  decision: "D".repeat(300),
  risk: "X".repeat(300),
  payment: "Z".repeat(300),
  channel: "H".repeat(300),
  nextPlace: "Q".repeat(300),
  company: "F".repeat(200),
  senderName: "W".repeat(200),
};

let cwd: string;
let stderr: string;

beforeAll(async () => {
  expect(EMAIL.length).toBe(250);
  cwd = await mkdtemp(path.join(tmpdir(), "protokoll-long-text-"));
  await mkdir(path.join(cwd, "deals"));
  const deal = [
    `title: ${LONG.title}`,
    `customer: ${LONG.customer}`,
    "meeting:",
    "  date: 2026-11-20",
    `  place: ${LONG.place}`,
    "participants:",
    `  - name: ${LONG.name}`,
    `    role: ${LONG.role}`,
    `    phone: "${LONG.phone}"`,
    `    email: ${EMAIL}`,
    `  - name: ${LONG.owner}`,
    "    side: ours",
    "sender:",
    `  name: ${LONG.senderName}`,
    `  email: ${EMAIL}`,
    "actions:",
    `  - task: ${LONG.task}`,
    `    owner: ${LONG.owner}`,
    "    due: 2026-12-01",
    "next_meeting:",
    "  date: 2026-12-10",
    `  place: ${LONG.nextPlace}`,
    `summary: ${LONG.summary}`,
    "decisions:",
    `  - ${LONG.decision}`,
    "risks:",
    `  - ${LONG.risk}`,
    "terms:",
    `  payment: ${LONG.payment}`,
    "communication:",
    `  channel: ${LONG.channel}`,
    "protocol_sent: 2026-11-21",
  ].join("\n");
  await writeFile(path.join(cwd, "deals", "lang.yaml"), `${deal}\n`);
  await writeFile(path.join(cwd, "protokoll.config.yaml"), `company:\n  name: ${LONG.company}\n`);
  const result = await runCli(["build", "--today", "2026-11-23"], { cwd });
  expect(result.code, result.stderr).toBe(0);
  stderr = result.stderr;
}, 120_000);

afterAll(async () => {
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

describe("long unbroken text in the PDF", () => {
  it("a 250-character e-mail address and a 199-character customer were cut at the right margin, with 'fits one page'", () => {
    const pdf = path.join(cwd, "_site", "deals", "lang", "lang.pdf");
    // Wrapped text comes back in pieces, one per line, in reading order (-raw: no columns side by side):
    // joined without the line breaks, each string is whole.
    const text = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(text.split(EMAIL).length - 1, "the participant's and the sender's address").toBe(2);
    for (const [field, value] of Object.entries(LONG)) expect(text, field).toContain(value);
    const fits = pdfinfo(pdf).Pages === "1";
    const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
    const codes = report.deals[0].findings.map((f: { code: string }) => f.code);
    // Whole on one page, or reported: never both silent and cut.
    expect(fits || codes.includes("pdf-overflow")).toBe(true);
    expect(stderr).toContain("PDFs: 1 printed");
  });
});
