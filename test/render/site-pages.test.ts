// The site as Eleventy renders it for the example deals, judged as of a fixed day.
import { readFileSync } from "node:fs";
import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

let site: string;
const page = (...parts: string[]) => readFileSync(path.join(site, ...parts, "index.html"), "utf8");
/** The text of every element carrying data-finding, as "code" attributes in document order. */
const findingsIn = (html: string) => [...html.matchAll(/data-finding="([a-z-]+)"/g)].map((m) => m[1]);
const rowsOf = (html: string) => html.split("<tr").slice(1);

beforeAll(async () => {
  const cwd = tempDir("protokoll-site-");
  await mkdir(path.join(cwd, "deals"));
  for (const file of await readdir(path.join(ROOT, "deals")))
    await copyFile(path.join(ROOT, "deals", file), path.join(cwd, "deals", file));
  expect((await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd })).code).toBe(0);
  site = path.join(cwd, "_site");
});

describe("index", () => {
  it("lists every deal, most urgent first, with each kind of finding shown once per deal", () => {
    const html = page();
    const titles = [...html.matchAll(/<th scope="row"><a href="deals\/([a-z0-9-]+)\/"/g)].map((m) => m[1]);
    expect(titles).toEqual([
      "waermepumpen-lead-hansen",
      "messebau-erstgespraech-koehler",
      "software-rollout-weber",
      "agentur-kurskorrektur-lindenhof",
      "stadtwerke-musterstadt-strom",
      "clinic-scheduling-pilot",
      "kfz-rahmenvertrag-bergmann",
      "logistik-absage-nordhafen",
    ]);
    const report = JSON.parse(readFileSync(path.join(site, "report.json"), "utf8"));
    const rows = rowsOf(html.slice(html.indexOf("<tbody>")));
    for (const deal of report.deals as { slug: string; findings: { code: string }[] }[]) {
      const row = rows.find((r) => r.includes(`id="deal-${deal.slug}"`)) ?? "";
      expect(findingsIn(row).sort(), deal.slug).toEqual([...new Set(deal.findings.map((f) => f.code))].sort());
    }
  });

  it("says level, count and worst instance in words and shape, and links each chip to the deal's findings", () => {
    const html = page();
    // One chip for the overdue action: shape and level, count; its link goes to the deal page's list. (This row
    // has more than three kinds of findings: its chips leave out how late, which the deal page says.)
    expect(html).toContain(
      '<li class="chip chip--critical" data-finding="overdue"><a href="deals/messebau-erstgespraech-koehler/#finding-overdue"><span class="chip__icon" aria-hidden="true">▲</span><span class="visually-hidden">Kritisch: </span>1 überfällig</a></li>',
    );
    expect(html).toContain('<span class="visually-hidden">Warnung: </span>2 ohne Frist</a>');
    // No full message and no file path on the index: those are on the deal and filter pages.
    expect(html).not.toContain("Zwei Entwurfsvarianten");
    expect(html).not.toContain(".yaml");
    const deal = page("deals", "messebau-erstgespraech-koehler");
    for (const code of ["overdue", "missing-due", "missing-owner", "vague-owner", "protocol-late"]) {
      expect(deal, code).toMatch(new RegExp(`<li class="finding [^"]*" data-finding="${code}" id="finding-${code}">`));
      expect(deal.match(new RegExp(`id="finding-${code}"`, "g"))?.length, code).toBe(1);
    }
    // The legend names every level with its shape.
    expect(html).toMatch(/<span class="legend__item chip--critical"><span aria-hidden="true">▲<\/span> Kritisch<\/span>/);
    expect(html).toMatch(/<span class="legend__item chip--warning"><span aria-hidden="true">◆<\/span> Warnung<\/span>/);
    expect(html).toMatch(/<span class="legend__item chip--info"><span aria-hidden="true">○<\/span> Hinweis<\/span>/);
    // Filter pages and deal pages keep the full text with the mark in words and shape, as in the legend (a
    // missing due date is a warning: it was drawn ▲, the legend's shape for critical).
    expect(page("findings", "missing-due")).toContain(
      '<span class="finding__badge"><span aria-hidden="true">◆</span> Warnung</span>',
    );
    // Each tile counts exactly what its filter page lists.
    expect(html).toContain('<a href="findings/missing-owner/index.html"><strong>1</strong> ohne Verantwortliche</a>');
    expect(html).toContain('<a href="findings/vague-owner/index.html"><strong>2</strong> Gruppe statt Person</a>');
    for (const code of ["missing-owner", "vague-owner", "missing-due", "overdue", "protocol-late"]) {
      const tile = new RegExp(`<a href="findings/${code}/index.html"><strong>(\\d+)</strong>`).exec(html)?.[1];
      const filter = page("findings", code);
      const listed = rowsOf(filter.slice(filter.indexOf("<tbody>"))).flatMap(findingsIn).length;
      expect(Number(tile), code).toBe(listed);
    }
    expect(html).toContain('<a href="findings/overdue/index.html"><strong>4</strong> überfällig</a>');
  });

  it("marks a past next appointment in its cell, in words, and carries the finding there", async () => {
    const cwd = tempDir("protokoll-next-");
    await mkdir(path.join(cwd, "deals"));
    await copyFile(path.join(ROOT, "deals", "stadtwerke-musterstadt-strom.yaml"), path.join(cwd, "deals", "strom.yaml"));
    // A month later the agreed next appointment lies in the past.
    expect((await runCli(["build", "--no-pdf", "--today", "2026-12-28"], { cwd })).code).toBe(0);
    const html = readFileSync(path.join(cwd, "_site", "index.html"), "utf8");
    const row = rowsOf(html.slice(html.indexOf("<tbody>")))[0] ?? "";
    expect(row).toMatch(
      /<td class="nowrap next-cell next-cell--past next-cell--critical" data-sort="2026-\d\d-\d\d" data-finding="next-meeting-past"><a href="deals\/strom\/#finding-next-meeting-past"><span aria-hidden="true">▲<\/span><span class="visually-hidden">Kritisch:<\/span> <span class="next-cell__date">\d\d\.\d\d\.2026<\/span> <span class="next-cell__past">vorbei<\/span><\/a>/,
    );
    expect(findingsIn(row).filter((code) => code === "next-meeting-past")).toHaveLength(1);
  });
});

describe("who does what by when", () => {
  it("shows each owner's open actions, overdue first, and groups the unowned", () => {
    const overview = page("owners");
    const order = [...overview.matchAll(/<h2 id="owner-([a-z0-9-]+)">/g)].map((m) => m[1]);
    expect(order[0]).toBe("ohne-verantwortliche");
    expect(order.slice(1, 5).sort()).toEqual(["jens-hansen", "lars-moeller", "lea-brandstaetter", "miriam-ostermann"]);
    const jonas = page("owners", "jonas-keller");
    // Each cell carries its column's name (the phone shows it above the value).
    const tasks = [...jonas.matchAll(/<td data-label="Aufgabe">([^<]+)<\/td>\s*<td data-label="[^"]+">Jonas Keller/g)].map(
      (m) => m[1],
    );
    // A team-only action is on its owner's page like any other.
    expect(tasks).toEqual([
      "Projektplan mit Meilensteinen bis Go-live an Stadtwerke senden",
      "Preisfreigabe für Verlängerung beim Vertriebsleiter holen",
      "Anmeldung beim Netzbetreiber vorbereiten",
    ]);
    const nobody = page("owners", "ohne-verantwortliche");
    expect(nobody).toContain("Standfläche und Hallenplan vom Veranstalter anfordern");
    expect(findingsIn(nobody)).toEqual(expect.arrayContaining(["missing-owner", "missing-due"]));
    // "wir" and "Team …" are not people: their actions join the unowned, with the vague-owner finding shown.
    expect(findingsIn(nobody)).toContain("vague-owner");
    expect(order).not.toContain("wir");
    expect(order.some((slug) => slug?.startsWith("team"))).toBe(false);
    const lea = page("owners", "lea-brandstaetter");
    expect(findingsIn(lea)).toContain("overdue");
    expect(lea).toMatch(/1 offene Aufgabe[^n]|2 offene Aufgaben/);
  });

  it("lists appointments and deadlines of the next 14 days in date order", () => {
    const html = page("upcoming");
    const dates = [...html.matchAll(/<span class="agenda__date">\S+ (\d{2}\.\d{2}\.\d{4})/g)].map((m) => m[1]);
    expect(dates[0]).toBe("24.11.2026");
    expect(dates).toContain("01.12.2026");
    expect(dates).not.toContain("08.12.2026"); // a next meeting just outside the 14 days
    const iso = dates.map((d) => d?.split(".").reverse().join("-") ?? "");
    expect(iso).toEqual([...iso].sort());
    expect(iso.every((d) => d >= "2026-11-23" && d <= "2026-12-07")).toBe(true);
  });

  it("collects lessons learned across deals on an internal page", () => {
    const html = page("lessons");
    expect(html).toContain("Der Festpreisanteil als Sicherheitsargument");
    expect(html).toContain("Standortfrage früher klären");
  });

  it("filters by finding and by status without JavaScript", () => {
    expect(page("findings", "vague-owner")).toContain("Messestand Hannover Messe 2027");
    expect(page("findings", "vague-owner")).not.toContain("Liefervertrag Strom");
    // The Messebau deal also lacks owners and dates, but the filter page lists only what it filters for.
    const vague = page("findings", "vague-owner");
    expect(new Set(rowsOf(vague.slice(vague.indexOf("<tbody>"))).flatMap(findingsIn))).toEqual(new Set(["vague-owner"]));
    expect(page("status", "lost")).toContain("Kontraktlogistik Ersatzteillager");
    expect(page("status", "lost")).not.toContain("Messestand");
  });
});

describe("deal page", () => {
  it("names each term of a description list once (two escalation steps had two <dt>Eskalation</dt>)", () => {
    for (const slug of ["agentur-kurskorrektur-lindenhof", "stadtwerke-musterstadt-strom", "kfz-rahmenvertrag-bergmann"]) {
      const html = page("deals", slug);
      const lists = html.match(/<dl\b[\s\S]*?<\/dl>/g) ?? [];
      expect(lists.length, slug).toBeGreaterThan(0);
      for (const list of lists) {
        const terms = [...list.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
        expect(new Set(terms).size, `${slug}: ${terms.join(", ")}`).toBe(terms.length);
      }
    }
    const agency = page("deals", "agentur-kurskorrektur-lindenhof");
    expect(agency).toMatch(/<div><dt>Eskalation<\/dt><dd>Freigabe nach 48 Stunden offen: [^<]*<\/dd><dd>zweite Freigabe/);
  });

  it("shows the findings at the top and next to the action concerned, and the internal section apart", () => {
    const html = page("deals", "messebau-erstgespraech-koehler");
    const top = html.indexOf('class="findings"');
    const table = html.indexOf('class="actions__table"');
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(table);
    const row =
      html
        .slice(table)
        .split("<tr")
        .find((r) => r.includes("Standfläche und Hallenplan")) ?? "";
    expect(findingsIn(row)).toEqual(["missing-owner", "missing-due"]);
    const strom = page("deals", "stadtwerke-musterstadt-strom");
    expect(strom).toContain('<section class="internal"');
    expect(strom.indexOf("Intern – nicht für den Kunden")).toBeGreaterThan(strom.indexOf("Nächster Termin"));
  });
});

describe("send-readiness on the index", () => {
  it("marks each row ready or draft as the recap is, and links both filter pages with their counts", () => {
    const report = JSON.parse(readFileSync(path.join(site, "report.json"), "utf8"));
    const html = page();
    const rows = rowsOf(html.slice(html.indexOf("<tbody>")));
    const marks = new Map(
      (report.deals as { slug: string }[]).map((d) => {
        const row = rows.find((r) => r.includes(`id="deal-${d.slug}"`)) ?? "";
        return [d.slug, /class="readiness__state[^"]*" data-ready="(true|false)"/.exec(row)?.[1]];
      }),
    );
    expect(
      [...marks.values()].every((m) => m === "true" || m === "false"),
      JSON.stringify([...marks]),
    ).toBe(true);
    const drafts = [...marks]
      .filter(([, m]) => m === "false")
      .map(([slug]) => slug)
      .sort();
    const ready = [...marks]
      .filter(([, m]) => m === "true")
      .map(([slug]) => slug)
      .sort();
    expect(drafts.length).toBeGreaterThan(0);

    const listed = (pagePath: string) =>
      [...page(...pagePath.split("/")).matchAll(/<th scope="row"><a href="[./]*deals\/([a-z0-9-]+)\/"/g)].map((m) => m[1]).sort();
    expect(listed("send/not-ready")).toEqual(drafts);
    if (ready.length > 0) expect(listed("send/ready")).toEqual(ready);
    expect(html).toContain(`href="send/not-ready/index.html">Protokolle, die noch nicht rausgehen können (${drafts.length})</a>`);
  });
});
