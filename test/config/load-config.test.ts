import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, loadConfig } from "../../src/config/load-config.js";
import { deal, dealsDir, en } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

/** A 1×1 transparent PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

async function withConfig(text: string): Promise<string> {
  const dir = tempDir("protokoll-config-");
  await writeFile(path.join(dir, "protokoll.config.yaml"), text);
  return dir;
}

describe("protokoll.config.yaml", () => {
  it("falls back to the defaults when there is no file", async () => {
    const dir = tempDir("protokoll-config-");
    expect(await loadConfig(dir)).toEqual({ config: DEFAULT_CONFIG, findings: [] });
  });

  it("reads every setting", async () => {
    const dir = await withConfig(
      [
        "time_zone: Europe/Vienna",
        "site_language: en",
        "company:",
        "  name: Nordlicht Energie AG",
        "  logo: assets/logo.png",
        "thresholds:",
        "  protocol_late_days: 1",
        "  stale_days: 10",
        "vague_owners: [wir, team]",
        "max_file_kb: 64",
      ].join("\n"),
    );
    await mkdir(path.join(dir, "assets"));
    await writeFile(path.join(dir, "assets/logo.png"), PNG);
    const { config, findings } = await loadConfig(dir);
    expect(findings).toEqual([]);
    expect(config).toMatchObject({
      timeZone: "Europe/Vienna",
      siteLanguage: "en",
      company: { name: "Nordlicht Energie AG", logo: path.join(dir, "assets/logo.png") },
      thresholds: { protocolLateDays: 1, staleDays: 10, upcomingDays: 14, duePushedMax: 3, onTimeGoal: 0.9 },
      vagueOwners: ["wir", "team"],
      maxFileBytes: 64 * 1024,
    });
  });

  it.each([
    ["time_zone: Europe/Musterstadt", "invalid-field@1:12", /Unknown time zone "Europe\/Musterstadt"/],
    ["thresholds:\n  stale_dayz: 5", "invalid-field@2:3", /Unknown key `stale_dayz` in thresholds/],
    ["site_language: fr", "invalid-field@1:16", /must be one of de, en/],
    ["time_zone: [Berlin", "invalid-yaml@1:12", /never closed/],
  ])("reports %j with its position", async (text, where, message) => {
    const { findings } = await loadConfig(await withConfig(text));
    expect(findings.map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual([where]);
    expect(en(findings[0]).message).toMatch(message);
  });

  it.each([
    ["company:\n  logo: assets/fehlt.png", /logo file "assets\/fehlt.png" does not exist/],
    ["company:\n  logo: logo.gif", /not a PNG, JPEG or SVG/],
    ["company:\n  logo: gross.png", /has 600 KB; at most 512 KB/],
  ])("checks the logo file: %j", async (text, message) => {
    const dir = await withConfig(text);
    await writeFile(path.join(dir, "logo.gif"), "GIF89a");
    await writeFile(path.join(dir, "gross.png"), Buffer.alloc(600 * 1024));
    const { config, findings } = await loadConfig(dir);
    expect(findings.map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual(["invalid-field@2:9"]);
    expect(en(findings[0]).message).toMatch(message);
    expect(en(findings[0]).hint).toBeTruthy();
    expect(config).toBe(DEFAULT_CONFIG);
  });

  it("stops the CLI with exit code 2 and the position when the configuration is broken", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    await writeFile(path.join(cwd, "protokoll.config.yaml"), "time_zone: Mars/Olympus\n");
    const result = await runCli(["check", "--lang", "en"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('protokoll.config.yaml:1:12 invalid-field  Unknown time zone "Mars/Olympus".');
  });

  it("uses the configured time zone for today", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    await writeFile(path.join(cwd, "protokoll.config.yaml"), "time_zone: Pacific/Kiritimati\n");
    const kiritimati = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date());
    const before = kiritimati();
    const { stdout } = await runCli(["check", "--format", "json"], { cwd });
    expect([before, kiritimati()]).toContain(JSON.parse(stdout).today);
  });
});
